import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every refresh token ever issued for a session, by SHA-256 hash. A token is spent
 * (`used_at`) when rotated; presenting a spent one is reuse and ends the session.
 */
export default class extends BaseSchema {
  protected tableName = 'refresh_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('session_id')
        .notNullable()
        .references('user_sessions.id')
        .onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['session_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
