import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Email verification and password reset tokens, stored only as SHA-256 hashes,
 * single-use and expiring.
 */
export default class extends BaseSchema {
  protected tableName = 'email_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('purpose', 32).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'purpose'])
      table.check(`purpose in ('verify_email', 'reset_password')`)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
