import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Related anime (sequels, prequels, side stories...), one row per direction as the data lists
 * them. The importer resolves `anime.related_sources` URLs into these rows.
 */
export default class extends BaseSchema {
  protected tableName = 'anime_relations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('anime_id').notNullable().references('anime.id').onDelete('CASCADE')
      table.bigInteger('related_anime_id').notNullable().references('anime.id').onDelete('CASCADE')
      table.primary(['anime_id', 'related_anime_id'])
      // Cascading deletes and "what points at this anime" look rows up by the related side.
      table.index(['related_anime_id'])
      table.check('anime_id <> related_anime_id')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
