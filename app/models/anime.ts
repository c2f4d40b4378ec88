import { column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { AnimeSchema } from '#database/schema'
import Genre from '#models/genre'

export const ANIME_TYPES = ['TV', 'MOVIE', 'OVA', 'ONA', 'SPECIAL', 'MUSIC', 'UNKNOWN'] as const
export type AnimeType = (typeof ANIME_TYPES)[number]

export const ANIME_STATUSES = ['FINISHED', 'ONGOING', 'UPCOMING', 'UNKNOWN'] as const
export type AnimeStatus = (typeof ANIME_STATUSES)[number]

export const SEASONS = ['WINTER', 'SPRING', 'SUMMER', 'FALL'] as const
export type Season = (typeof SEASONS)[number]

/** Sites whose anime ids the catalog keeps, MyAnimeList first (it identifies imported rows). */
export const ID_PROVIDERS = ['myanimelist', 'anilist', 'anidb', 'kitsu'] as const
export type IdProvider = (typeof ID_PROVIDERS)[number]

/** Ids of the anime on other sites; the four main providers are always present (null when unknown). */
export type ExternalIds = Record<IdProvider, number | null> & { [provider: string]: number | null }

export default class Anime extends AnimeSchema {
  static table = 'anime'

  @column()
  declare type: AnimeType

  @column()
  declare status: AnimeStatus

  @column()
  declare season: Season | null

  @column()
  declare synonyms: string[]

  @column()
  declare tags: string[]

  @column()
  declare studios: string[]

  @column()
  declare sources: string[]

  @column({ serializeAs: null })
  declare relatedSources: string[]

  @column({ prepare: (value: ExternalIds) => JSON.stringify(value) })
  declare externalIds: ExternalIds

  @column({ serializeAs: null })
  declare sourceScore: number | null

  @column({ serializeAs: null })
  declare sourceHash: string | null

  @column({ serializeAs: null })
  declare searchTitles: string | null

  @column({ serializeAs: null })
  declare searchVector: string | null

  @manyToMany(() => Genre, {
    pivotTable: 'anime_genres',
    pivotForeignKey: 'anime_id',
    pivotRelatedForeignKey: 'genre_id',
  })
  declare genres: ManyToMany<typeof Genre>

  /** Related anime (sequels, prequels, side stories...), as listed by the imported data. */
  @manyToMany(() => Anime, {
    pivotTable: 'anime_relations',
    pivotForeignKey: 'anime_id',
    pivotRelatedForeignKey: 'related_anime_id',
  })
  declare relations: ManyToMany<typeof Anime>
}
