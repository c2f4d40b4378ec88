import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The security log each user can read. `user_id` is null only for `account_deleted`,
 * which outlives the account without personal data.
 */
export default class extends BaseSchema {
  protected tableName = 'security_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').nullable().references('users.id').onDelete('CASCADE')
      table.string('type', 40).notNullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.jsonb('meta').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
