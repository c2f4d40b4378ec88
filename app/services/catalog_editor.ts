import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Anime, {
  ID_PROVIDERS,
  type AnimeStatus,
  type AnimeType,
  type ExternalIds,
  type Season,
} from '#models/anime'
import Genre from '#models/genre'
import ApiException from '#exceptions/api_exception'
import AnimeTransformer from '#transformers/anime_transformer'
import AnimeRows from '#services/anime_rows'
import { ADULT_TAG } from '#services/genre_mapping'
import { slugify } from '#helpers/slugs'
import { isUniqueViolation } from '#helpers/unique'

export type AnimeChanges = {
  title?: string
  slug?: string
  titleEnglish?: string | null
  titleJapanese?: string | null
  synonyms?: string[]
  type?: AnimeType
  status?: AnimeStatus
  episodes?: number | null
  durationMinutes?: number | null
  season?: Season | null
  year?: number | null
  startDate?: Date | null
  endDate?: Date | null
  synopsis?: string | null
  coverImage?: string | null
  thumbnailImage?: string | null
  bannerImage?: string | null
  genres?: string[]
  tags?: string[]
  studios?: string[]
  externalIds?: Partial<Record<(typeof ID_PROVIDERS)[number], number | null>>
}

/**
 * Admin writes to the catalog. Each write announces `catalog:changed`, which drops cached
 * catalog answers on every instance.
 */
@inject()
export default class CatalogEditor {
  constructor(protected rows: AnimeRows) {}

  async create(changes: AnimeChanges & { title: string }) {
    const anime = await db.transaction(async (trx) => {
      const row = new Anime().useTransaction(trx)
      row.merge({
        type: 'UNKNOWN',
        status: 'UNKNOWN',
        synonyms: [],
        tags: [],
        studios: [],
        sources: [],
        relatedSources: [],
        externalIds: Object.fromEntries(
          ID_PROVIDERS.map((provider) => [provider, null])
        ) as ExternalIds,
        isAdult: false,
        scoreCount: 0,
        popularity: 0,
        trendingScore: 0,
        viewCount: 0,
      })
      await this.#apply(row, changes, trx)
      return row
    })
    await emitter.emit('catalog:changed', { reason: 'anime_created', animeId: anime.id })
    return this.#detail(anime.id)
  }

  async update(id: number, changes: AnimeChanges) {
    await db.transaction(async (trx) => {
      const row = await Anime.query({ client: trx }).where('id', id).forUpdate().first()
      if (!row) throw ApiException.notFound('Anime not found')
      await this.#apply(row, changes, trx)
    })
    await emitter.emit('catalog:changed', { reason: 'anime_updated', animeId: id })
    return this.#detail(id)
  }

  async delete(id: number) {
    const deleted = await Anime.query().where('id', id).delete()
    if (!deleted[0]) throw ApiException.notFound('Anime not found')
    await emitter.emit('catalog:changed', { reason: 'anime_deleted', animeId: id })
  }

  async #apply(row: Anime, changes: AnimeChanges, trx: TransactionClientContract) {
    const { genres, externalIds, startDate, endDate, slug, ...fields } = changes
    row.merge(fields)
    if (startDate !== undefined)
      row.startDate = startDate ? DateTime.fromJSDate(startDate, { zone: 'utc' }) : null
    if (endDate !== undefined)
      row.endDate = endDate ? DateTime.fromJSDate(endDate, { zone: 'utc' }) : null
    if (externalIds) row.externalIds = { ...row.externalIds, ...externalIds }
    if (changes.tags) row.isAdult = changes.tags.some((tag) => tag.toLowerCase() === ADULT_TAG)
    if (slug) row.slug = slug
    else if (!row.slug) row.slug = await this.#freeSlug(row.title, trx)

    try {
      await row.useTransaction(trx).save()
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      if (String(error.constraint).includes('slug')) {
        throw ApiException.invalidField('slug', 'unique', 'The slug has already been taken')
      }
      throw new ApiException('E_CONFLICT', 'Another anime already has one of these external ids')
    }

    if (genres) {
      const found = await Genre.query({ client: trx }).whereIn('slug', genres)
      if (found.length !== new Set(genres).size) {
        throw ApiException.invalidField(
          'genres',
          'exists',
          'Every genre must be an existing genre slug'
        )
      }
      await row.related('genres').sync(found.map((genre) => genre.id))
    }
  }

  /** A slug from the title, made unique with a number when taken; "anime-<n>" without Latin letters. */
  async #freeSlug(title: string, trx: TransactionClientContract) {
    const base = slugify(title) || 'anime'
    const rows: { slug: string }[] = await trx
      .from('anime')
      .where('slug', base)
      .orWhere('slug', 'like', `${base}-%`)
      .select('slug')
    const taken = new Set(rows.map((row) => row.slug))
    if (!taken.has(base) && !/^\d+$/.test(base)) return base
    for (let suffix = 2; ; suffix++) {
      if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`
    }
  }

  async #detail(id: number) {
    const [row] = await this.rows.fetch(Anime.query().where('anime.id', id), {
      viewer: { showAdult: true },
    })
    return new AnimeTransformer(row).toObject()
  }
}
