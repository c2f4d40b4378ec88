import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('email', 254).notNullable().unique()
      table.string('username', 30).notNullable()
      table.string('password').notNullable()
      table.string('display_name', 60).nullable()
      table.string('bio', 1000).nullable()
      table.string('avatar_url', 2048).nullable()
      table.string('role', 16).notNullable().defaultTo('user')
      table.jsonb('preferences').notNullable().defaultTo('{}')
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.check(`role in ('user', 'moderator', 'admin')`)
    })
    // Usernames are unique whatever their case; lookups use lower(username).
    this.schema.raw('create unique index users_username_lower_unique on users (lower(username))')
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
