import { createHash } from 'node:crypto'
import { inject } from '@adonisjs/core'
import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Anime, { type AnimeStatus, type AnimeType, type Season } from '#models/anime'
import type User from '#models/user'
import ApiException from '#exceptions/api_exception'
import AnimeSearch from '#services/anime_search'
import AnimeRows from '#services/anime_rows'
import GenreService from '#services/genre_service'
import AnimeTransformer, { CARD_FIELDS } from '#transformers/anime_transformer'
import type { AnimeField, AnimeSort } from '#validators/anime'
import { tagged } from '#helpers/http_cache'
import { SLUG_PATTERN } from '#helpers/slugs'
import { ID_PATTERN } from '#helpers/ids'

export type Viewer = { showAdult: boolean }

export type BrowseFilters = {
  q?: string
  genres?: string[]
  type?: AnimeType
  status?: AnimeStatus
  year?: number
  season?: Season
  sort?: AnimeSort
  order?: 'asc' | 'desc'
  page?: number
  perPage?: number
}

/** A genre filter's ids: none asked for, or null when one asked for does not exist. */
type GenreIds = number[] | null | undefined

/** What selects the titles, as opposed to ordering and paging them. */
type Criteria = Omit<BrowseFilters, 'sort' | 'order' | 'page' | 'perPage'>

/** Cached pages may show counters up to this old (rule 10); writes drop them at once. */
export const CATALOG_TTL = '60s'
export const CATALOG_TAG = 'catalog'

/**
 * Reads of the catalog: browse, search and seasons, and one anime by id or slug. Adult titles
 * stay hidden unless the viewer opted in.
 */
@inject()
export default class CatalogService {
  constructor(
    protected search: AnimeSearch,
    protected rows: AnimeRows,
    protected genres: GenreService
  ) {}

  static viewerOf(user: User | undefined): Viewer {
    return { showAdult: user?.settings.showAdult ?? false }
  }

  /**
   * A page of AnimeCards (or the `fields` asked for), cached for a minute per distinct
   * question and viewer.
   *
   * Searches stay in this instance's memory: nearly every typed text is asked once, and
   * sharing them through Redis cost a write per search and a Redis that grew with the
   * search rate (150 MB held at 670 searches a second). Catalog writes still drop them on
   * every instance, by tag.
   */
  browse(filters: BrowseFilters, fields: readonly AnimeField[], viewer: Viewer) {
    const question = JSON.stringify([filters, fields, viewer.showAdult])
    const searched = filters.q !== undefined
    return cache.getOrSet({
      key: `anime:browse:${createHash('sha1').update(question).digest('base64url')}`,
      ttl: CATALOG_TTL,
      tags: [CATALOG_TAG],
      skipL2Write: searched,
      skipBusNotify: searched,
      factory: async () => {
        const { rows, meta } = await this.#page(filters, fields, viewer)
        return tagged({
          data: rows.map((anime) => new AnimeTransformer(anime, fields).toSelection()),
          meta,
        })
      },
    })
  }

  /** One page of rows and the contract's `meta`. */
  async #page(filters: BrowseFilters, fields: readonly AnimeField[], viewer: Viewer) {
    const { page = 1, perPage = 20, q, genres, type, status, year, season } = filters
    const criteria = { q, genres, type, status, year, season }

    const genreIds = await this.#genreIds(genres)
    const query = this.#filtered(criteria, genreIds, viewer)
    // A search counts its matches in the same query: each search is asked once.
    if (q) this.search.rank(query, q).select(db.raw('count(*) over () as total_count'))
    const sort = filters.sort ?? (q ? 'relevance' : 'popularity')
    this.#sort(query, sort === 'relevance' && !q ? 'popularity' : sort, filters.order)
    const rows = await this.rows.fetch<{ total_count?: number }>(query.limit(perPage), {
      fields,
      viewer,
      offset: (page - 1) * perPage,
    })

    const total =
      q && rows.length > 0
        ? Number(rows[0].total_count)
        : await this.#count(criteria, genreIds, viewer)
    const meta = {
      total,
      perPage,
      currentPage: page,
      lastPage: Math.max(1, Math.ceil(total / perPage)),
    }
    return { rows, meta }
  }

  /** Browsing the same filters page after page counts them once a minute. */
  #count(criteria: Criteria, genreIds: GenreIds, viewer: Viewer) {
    return cache.getOrSet({
      key: `anime:count:${createHash('sha1')
        .update(JSON.stringify([criteria, viewer.showAdult]))
        .digest('base64url')}`,
      ttl: CATALOG_TTL,
      tags: [CATALOG_TAG],
      factory: async () => {
        const [row] = await this.#filtered(criteria, genreIds, viewer).count('* as total')
        return Number(row.$extras.total)
      },
    })
  }

  #filtered(criteria: Criteria, genreIds: GenreIds, viewer: Viewer) {
    const query = Anime.query()
    this.#visibleTo(query, viewer)
    if (criteria.type) query.where('anime.type', criteria.type)
    if (criteria.status) query.where('anime.status', criteria.status)
    if (criteria.year) query.where('anime.year', criteria.year)
    if (criteria.season) query.where('anime.season', criteria.season)
    // Every genre asked for must match, and an unknown one matches nothing (GIN, migration 0019).
    if (genreIds === null) query.whereRaw('false')
    else if (genreIds) query.whereRaw('anime.genre_ids @> ?::integer[]', [genreIds])
    if (criteria.q) this.search.filter(query, criteria.q)
    return query
  }

  season(year: number, season: Season, filters: BrowseFilters, viewer: Viewer) {
    return this.browse({ ...filters, year, season }, CARD_FIELDS, viewer)
  }

  /**
   * One anime by numeric id or slug, with genres and relations: its id and the tagged
   * `{ data }` answer; 404 when it does not exist or is adult and hidden from the viewer.
   */
  async find(idOrSlug: string, viewer: Viewer) {
    const key = idOrSlug.toLowerCase()
    const byId = /^\d+$/.test(key)
    // What can be neither an id nor a slug names nothing: no query, no cache entry.
    if (!(byId ? ID_PATTERN : SLUG_PATTERN).test(key)) {
      throw ApiException.notFound('Anime not found')
    }
    const answer = await cache.getOrSet({
      key: `anime:detail:${key}:${viewer.showAdult ? 'adult' : 'safe'}`,
      ttl: CATALOG_TTL,
      tags: [CATALOG_TAG],
      factory: async () => {
        const query = Anime.query()
        this.#visibleTo(query, viewer)
        if (byId) query.where('anime.id', Number(key))
        else query.where('anime.slug', key)
        const [row] = await this.rows.fetch(query.limit(1), { viewer })
        return row
          ? { id: row.id, ...tagged({ data: new AnimeTransformer(row).toObject() }) }
          : null
      },
    })
    if (!answer) throw ApiException.notFound('Anime not found')
    return answer
  }

  #visibleTo(query: ModelQueryBuilderContract<typeof Anime, any>, viewer: Viewer) {
    if (!viewer.showAdult) query.where('anime.is_adult', false)
  }

  /** The ids of the genres a filter names, or null when one of them does not exist. */
  async #genreIds(slugs?: string[]): Promise<GenreIds> {
    if (!slugs?.length) return undefined
    const { bySlug } = await this.genres.lookup()
    const ids = [...new Set(slugs)].map((slug) => bySlug.get(slug))
    return ids.every((id) => id !== undefined) ? ids : null
  }

  /**
   * Each sort has a natural direction (`title` ascending, the others descending); `order`
   * flips it. Unknown values sort last either way; ties break on id.
   */
  #sort(query: ModelQueryBuilderContract<typeof Anime>, sort: AnimeSort, order?: 'asc' | 'desc') {
    const natural = sort === 'title' ? 'asc' : 'desc'
    const direction = order ?? natural
    const flip = (value: 'asc' | 'desc') =>
      direction === natural ? value : value === 'asc' ? 'desc' : 'asc'
    const by = (expression: string, value: 'asc' | 'desc') =>
      query.orderByRaw(`${expression} ${flip(value)} nulls last`)

    switch (sort) {
      case 'relevance':
        by('search_rank', 'desc')
        by('anime.popularity', 'desc')
        by('length(anime.title)', 'asc')
        break
      case 'popularity':
        by('anime.popularity', 'desc')
        by('anime.source_score', 'desc')
        break
      case 'score':
        by('anime.average_score', 'desc')
        by('anime.source_score', 'desc')
        break
      case 'trending':
        by('anime.trending_score', 'desc')
        by('anime.popularity', 'desc')
        break
      case 'title':
        by('lower(anime.title)', 'asc')
        break
      case 'year':
        by('anime.year', 'desc')
        by('anime.start_date', 'desc')
        break
      case 'newest':
        by('anime.start_date', 'desc')
        by('anime.id', 'desc')
        return
    }
    by('anime.id', 'asc')
  }
}
