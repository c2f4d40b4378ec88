import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per signed-in device. Access tokens name their session; refresh tokens belong
 * to it. Revoking a session ends both at once.
 */
export default class extends BaseSchema {
  protected tableName = 'user_sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('user_agent', 512).nullable()
      table.string('ip', 64).nullable()
      table.timestamp('last_used_at', { useTz: true }).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['user_id', 'revoked_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
