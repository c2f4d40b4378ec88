import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Genres: MyAnimeList's genre and demographic names. The catalog importer creates the ones the
 * data uses; admins may add, rename or delete genres.
 */
export default class extends BaseSchema {
  protected tableName = 'genres'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('slug', 64).notNullable().unique()
      table.string('name', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
