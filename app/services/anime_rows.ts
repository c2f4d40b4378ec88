import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Anime from '#models/anime'
import type { AnimeStatus, AnimeType, ExternalIds, Season } from '#models/anime'
import { inject } from '@adonisjs/core'
import GenreService from '#services/genre_service'
import { CARD_FIELDS, columnsFor } from '#transformers/anime_transformer'
import { ANIME_FIELDS, type AnimeField } from '#validators/anime'
import type { Viewer } from '#services/catalog_service'

export type GenreLite = { id: number; slug: string; name: string }
export type RelatedAnime = { id: number; slug: string; title: string; coverImage: string | null }

/**
 * An `anime` row as answers read it, with its genres and relations. A read selects only the
 * columns of the fields it answers (see `columnsFor`): the others are absent.
 */
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

/** A row as PostgreSQL returns it: genre ids (see migration 0019), named afterwards. */
export type StoredRow = Omit<AnimeRow, 'genres'> & { genre_ids?: number[] }

/** The related anime the viewer may see, oldest first, as a JSON array. */
const relationsFor = ({ showAdult }: Viewer) => `coalesce((
  select json_agg(json_build_object('id', related.id, 'slug', related.slug,
      'title', related.title, 'coverImage', related.cover_image)
    order by related.start_date asc nulls last, related.id asc)
  from anime_relations join anime as related on related.id = anime_relations.related_anime_id
  where anime_relations.anime_id = anime.id${showAdult ? '' : ' and not related.is_adult'}
  ), '[]') as relations`

/** The fields of cards and details: the reads worth keeping as prepared statements. */
const PREPARED_FIELDS = new Set([CARD_FIELDS, ANIME_FIELDS].map((fields) => fields.join()))

type Read<Row> = PromiseLike<Row[]> & {
  toSQL(): { sql: string }
  knexQuery: { options(options: { name?: string }): unknown }
}

/**
 * Runs a read, as a statement named after its text when `prepare` says its shape is bounded:
 * each connection then parses and analyses a shape once instead of for every request (a fifth
 * of a search's PostgreSQL time). Only bounded shapes are named, since a connection keeps
 * every statement it prepared: filters and sorts make a few hundred, `?fields=` lists are
 * countless.
 *
 * A prepared statement outlives a migration that changes the type of a column it returns
 * (another instance migrated while this one ran): PostgreSQL refuses to run it, and the read
 * runs again unnamed, one extra round trip until this instance restarts. (Reads of answers
 * never run inside a transaction, which the refusal would abort.)
 */
async function read<Row>(query: Read<Row>, prepare: boolean): Promise<Row[]> {
  if (!prepare) return await query
  const digest = createHash('sha1').update(query.toSQL().sql).digest('base64url')
  query.knexQuery.options({ name: `anime_${digest}` })
  try {
    return await query
  } catch (error) {
    if (!isStalePlan(error)) throw error
    query.knexQuery.options({ name: undefined })
    return await query
  }
}

const isStalePlan = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  error.code === '0A000' &&
  error.message.includes('cached plan must not change result type')

type FetchOptions = {
  /** The fields the answer shows (every one by default): only their columns are read. */
  fields?: readonly AnimeField[]
  /** Who reads: related anime are shown as this viewer may see them. */
  viewer: Viewer
  /** Rows to skip before the answered ones (pages after the first). */
  offset?: number
}

/**
 * Reads anime for answers as plain rows: lists of 50 titles hydrated as Lucid models cost
 * more CPU than their SQL. Models stay for writes.
 */
@inject()
export default class AnimeRows {
  constructor(protected genres: GenreService) {}

  /**
   * Runs a query of anime (filters, order and limit already applied) and returns the rows
   * with the columns of the fields asked for, genres and relations included when asked.
   * Extra expressions the query selects (a search rank, a total) stay on the rows.
   *
   * A first page is one statement. A deeper one picks its ids first and then reads those rows
   * by primary key: otherwise PostgreSQL sorts every matching row at full width and reads the
   * genres of all the rows it skips (700 for page 14 of 50).
   */
  async fetch<Extra extends object = object>(
    query: ModelQueryBuilderContract<typeof Anime>,
    { fields = ANIME_FIELDS, viewer, offset = 0 }: FetchOptions
  ) {
    const prepare = PREPARED_FIELDS.has(fields.join())
    if (offset === 0) {
      const rows = await read<StoredRow & Extra>(
        this.#withDetails(query, fields, viewer).pojo(),
        prepare
      )
      return this.#withGenreNames<Extra>(rows)
    }

    const page = await read<{ id: number } & Extra>(
      query.select('anime.id').offset(offset).pojo(),
      prepare
    )
    if (page.length === 0) return []
    const byIds = db.from('anime').whereRaw('anime.id = any(?)', [page.map(({ id }) => id)])
    const rows = await read<StoredRow>(this.#withDetails(byIds, fields, viewer), prepare)
    const byId = new Map(rows.map((row) => [row.id, row]))
    // An anime deleted between the two statements is left out.
    return this.#withGenreNames<Extra>(
      page.flatMap((picked) => {
        const row = byId.get(picked.id)
        return row ? [{ ...row, ...picked }] : []
      })
    )
  }

  #withDetails<Query extends { select(...columns: any[]): Query }>(
    query: Query,
    fields: readonly AnimeField[],
    viewer: Viewer
  ) {
    // Every read needs the id: deeper pages match their rows by it.
    query.select(...columnsFor(['id', ...fields]).map((column) => `anime.${column}`))
    if (fields.includes('relations')) query.select(db.raw(relationsFor(viewer)))
    return query
  }

  /** Puts the genres' names on the rows that carry genre ids. */
  async #withGenreNames<Extra>(rows: (StoredRow & Extra)[]) {
    if (!rows.some((row) => row.genre_ids)) return rows as (AnimeRow & Extra)[]
    const { byId } = await this.genres.lookup()
    return rows.map(({ genre_ids: ids, ...row }) => ({
      ...row,
      // An id the cached lookup lacks (a catalog write is dropping it right now) is left out.
      genres: (ids ?? [])
        .flatMap((id) => byId.get(id) ?? [])
        .sort((a, b) => a.rank - b.rank)
        .map(({ genre }) => genre),
    })) as (AnimeRow & Extra)[]
  }
}
