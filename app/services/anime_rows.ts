import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Anime from '#models/anime'
import type { AnimeStatus, AnimeType, ExternalIds, Season } from '#models/anime'

export type GenreLite = { id: number; slug: string; name: string }
export type RelatedAnime = { id: number; slug: string; title: string; coverImage: string | null }

/** An `anime` row as PostgreSQL returns it, with its genres (and relations, for details). */
export type AnimeRow = {
  id: number
  slug: string
  title: string
  title_english: string | null
  title_japanese: string | null
  synonyms: string[]
  type: AnimeType
  status: AnimeStatus
  episodes: number | null
  duration_minutes: number | null
  season: Season | null
  year: number | null
  start_date: string | null
  end_date: string | null
  synopsis: string | null
  cover_image: string | null
  thumbnail_image: string | null
  banner_image: string | null
  tags: string[]
  studios: string[]
  external_ids: ExternalIds
  is_adult: boolean
  average_score: number | null
  score_count: number
  popularity: number
  trending_score: number
  view_count: number
  created_at: Date
  updated_at: Date
  genres: GenreLite[]
  relations: RelatedAnime[]
}

/**
 * The columns reads need: every field of the Anime resource, not the search and import
 * bookkeeping (search vectors, source URLs, hashes), which would triple the row width.
 */
const COLUMNS = [
  'id',
  'slug',
  'title',
  'title_english',
  'title_japanese',
  'synonyms',
  'type',
  'status',
  'episodes',
  'duration_minutes',
  'season',
  'year',
  'start_date',
  'end_date',
  'synopsis',
  'cover_image',
  'thumbnail_image',
  'banner_image',
  'tags',
  'studios',
  'external_ids',
  'is_adult',
  'average_score',
  'score_count',
  'popularity',
  'trending_score',
  'view_count',
  'created_at',
  'updated_at',
].map((column) => `anime.${column}`)

/**
 * Reads anime for answers as plain rows: lists of 50 titles hydrated as Lucid models cost
 * more CPU than their SQL. Models stay for writes.
 */
export default class AnimeRows {
  /**
   * Runs a query of anime (filters, order, paging already applied) and attaches genres, and
   * relations when asked, in one query each. Extra selected expressions stay on the rows.
   */
  async fetch<Extra extends object = object>(
    query: ModelQueryBuilderContract<typeof Anime>,
    options: { relations?: { showAdult: boolean } } = {}
  ) {
    const rows = (await query.select(COLUMNS).pojo()) as (AnimeRow & Extra)[]
    const ids = rows.map((row) => row.id)
    const [genres, relations] = await Promise.all([
      this.#genres(ids),
      options.relations ? this.#relations(ids, options.relations.showAdult) : new Map(),
    ])
    for (const row of rows) {
      row.genres = genres.get(row.id) ?? []
      row.relations = relations.get(row.id) ?? []
    }
    return rows
  }

  async #genres(ids: number[]) {
    const byAnime = new Map<number, GenreLite[]>()
    if (ids.length === 0) return byAnime
    const links = await db
      .from('anime_genres')
      .join('genres', 'genres.id', 'anime_genres.genre_id')
      .whereIn('anime_genres.anime_id', ids)
      .orderBy('genres.name')
      .select('anime_genres.anime_id', 'genres.id', 'genres.slug', 'genres.name')
    for (const { anime_id: animeId, ...genre } of links) {
      byAnime.set(animeId, [...(byAnime.get(animeId) ?? []), genre])
    }
    return byAnime
  }

  async #relations(ids: number[], showAdult: boolean) {
    const byAnime = new Map<number, RelatedAnime[]>()
    if (ids.length === 0) return byAnime
    const links = await db
      .from('anime_relations')
      .join('anime', 'anime.id', 'anime_relations.related_anime_id')
      .whereIn('anime_relations.anime_id', ids)
      .if(!showAdult, (query) => query.where('anime.is_adult', false))
      .orderByRaw('anime.start_date asc nulls last, anime.id asc')
      .select(
        'anime_relations.anime_id',
        'anime.id',
        'anime.slug',
        'anime.title',
        'anime.cover_image as coverImage'
      )
    for (const { anime_id: animeId, ...related } of links) {
      byAnime.set(animeId, [...(byAnime.get(animeId) ?? []), related])
    }
    return byAnime
  }
}
