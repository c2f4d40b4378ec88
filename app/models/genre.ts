import { manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { GenreSchema } from '#database/schema'
import Anime from '#models/anime'

export default class Genre extends GenreSchema {
  @manyToMany(() => Anime, {
    pivotTable: 'anime_genres',
    pivotForeignKey: 'genre_id',
    pivotRelatedForeignKey: 'anime_id',
  })
  declare anime: ManyToMany<typeof Anime>
}
