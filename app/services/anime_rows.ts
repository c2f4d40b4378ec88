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

/** Each anime's genres as a JSON array, in the statement that reads the anime. */
const GENRES = `coalesce((
  select json_agg(json_build_object('id', genres.id, 'slug', genres.slug, 'name', genres.name)
    order by genres.name)
  from anime_genres join genres on genres.id = anime_genres.genre_id
  where anime_genres.anime_id = anime.id), '[]') as genres`

/** The related anime the viewer may see, oldest first, the same way. */
const relationsFor = ({ showAdult }: { showAdult: boolean }) => `coalesce((
  select json_agg(json_build_object('id', related.id, 'slug', related.slug,
      'title', related.title, 'coverImage', related.cover_image)
    order by related.start_date asc nulls last, related.id asc)
  from anime_relations join anime as related on related.id = anime_relations.related_anime_id
  where anime_relations.anime_id = anime.id${showAdult ? '' : ' and not related.is_adult'}
  ), '[]') as relations`

type FetchOptions = {
  /** Related anime, as this viewer may see them (details). */
  relations?: { showAdult: boolean }
  /** Rows to skip before the answered ones (pages after the first). */
  offset?: number
}

/**
 * Reads anime for answers as plain rows: lists of 50 titles hydrated as Lucid models cost
 * more CPU than their SQL. Models stay for writes.
 */
export default class AnimeRows {
  /**
   * Runs a query of anime (filters, order and limit already applied) with their genres, and
   * their relations when asked. Extra expressions the query selects (a search rank, a total)
   * stay on the rows.
   *
   * A first page is one statement. A deeper one picks its ids first and then reads those rows
   * by primary key: otherwise PostgreSQL sorts every matching row at full width and reads the
   * genres of all the rows it skips (700 for page 14 of 50).
   */
  async fetch<Extra extends object = object>(
    query: ModelQueryBuilderContract<typeof Anime>,
    { relations, offset = 0 }: FetchOptions = {}
  ) {
    if (offset === 0) {
      const rows = (await this.#withDetails(query, relations).pojo()) as (AnimeRow & Extra)[]
      return rows.map((row) => ({ ...row, relations: row.relations ?? [] }))
    }

    const page = (await query.select('anime.id').offset(offset).pojo()) as ({
      id: number
    } & Extra)[]
    if (page.length === 0) return []
    const ids = page.map(({ id }) => id)
    const rows: AnimeRow[] = await this.#withDetails(
      db.from('anime').whereIn('anime.id', ids),
      relations
    )
    const byId = new Map(rows.map((row) => [row.id, row]))
    // An anime deleted between the two statements is left out.
    return page.flatMap((picked) => {
      const row = byId.get(picked.id)
      return row ? [{ ...row, relations: row.relations ?? [], ...picked }] : []
    })
  }

  #withDetails<Query extends { select(...columns: any[]): Query }>(
    query: Query,
    relations?: FetchOptions['relations']
  ) {
    query.select(...COLUMNS, db.raw(GENRES))
    return relations ? query.select(db.raw(relationsFor(relations))) : query
  }
}
