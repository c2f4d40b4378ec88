import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which genres an anime has. Deleting an anime or a genre deletes its links.
 */
export default class extends BaseSchema {
  protected tableName = 'anime_genres'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('anime_id').notNullable().references('anime.id').onDelete('CASCADE')
      table.integer('genre_id').notNullable().references('genres.id').onDelete('CASCADE')
      table.primary(['anime_id', 'genre_id'])
      // Filter ?genres= and genre counts start from the genre (the primary key starts from the anime).
      table.index(['genre_id', 'anime_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
