import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import cache from '@adonisjs/cache/services/main'
import emitter from '@adonisjs/core/services/emitter'
import lock from '@adonisjs/lock/services/main'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import Anime from '#models/anime'
import AnimeTransformer, { CARD_FIELDS } from '#transformers/anime_transformer'
import type { Viewer } from '#services/catalog_service'
import AnimeRows from '#services/anime_rows'
import ViewCounter, { PENDING_VIEWS } from '#services/view_counter'
import { tagged } from '#helpers/http_cache'

const PENDING_ACTIVITY = 'trending:pending_activity'
const COMPUTED_AT = 'trending:computed_at'
const TOP_IDS = 'trending:top_ids'

/** An event's weight halves every 2 days: activity older than a week counts for under 10 %. */
const HALF_LIFE_MS = 2 * 24 * 3600 * 1000
/** A list change says more about interest than a page view. */
const ACTIVITY_WEIGHT = 5
/** The order clients are told about: the longest list `limit` can ask for. */
const TOP_SIZE = 50

/**
 * Trending: a score per anime from recent views and list activity, decaying over about a
 * week, recomputed every TRENDING_INTERVAL by one instance at a time (Redis lock). Views are
 * counted in Redis and flushed to PostgreSQL in batches, never a write per GET. With no
 * activity at all the order falls back to popularity.
 */
@inject()
export default class TrendingService {
  constructor(
    protected rows: AnimeRows,
    protected views: ViewCounter
  ) {}

  /** Counts a detail view; never fails or slows the request. */
  recordView(animeId: number) {
    this.views.record(animeId)
  }

  /** Counts list activity (add, score, status change) on an anime. */
  async recordActivity(animeId: number) {
    await redis.hincrby(PENDING_ACTIVITY, String(animeId), 1)
  }

  async current(limit: number, viewer: Viewer) {
    return cache.getOrSet({
      key: `anime:trending:${limit}:${viewer.showAdult ? 'adult' : 'safe'}`,
      ttl: '5m',
      tags: ['trending'],
      factory: async () => {
        const rows = await this.rows.fetch(this.#order(limit, viewer), {
          fields: CARD_FIELDS,
          viewer,
        })
        const computedAt = (await redis.get(COMPUTED_AT)) ?? DateTime.utc().toISO()
        return tagged({
          data: rows.map((anime) => new AnimeTransformer(anime).toSelection()),
          computedAt,
        })
      },
    })
  }

  /**
   * One recomputation: flush counted views and activity, decay every score, and announce
   * the new order when it changed. Skipped when another instance holds the lock.
   */
  async recompute() {
    const [acquired] = await lock
      .createLock('trending:recompute', '5m')
      .runImmediately(() => this.#recompute())
    return acquired
  }

  async #recompute() {
    const now = DateTime.utc()
    const last = await redis.get(COMPUTED_AT)
    const elapsed = last ? Math.max(0, now.toMillis() - DateTime.fromISO(last).toMillis()) : 0
    const decay = Math.pow(0.5, elapsed / HALF_LIFE_MS)

    await this.views.flush()
    const views = await this.#drain(PENDING_VIEWS)
    const activity = await this.#drain(PENDING_ACTIVITY)
    const ids = [...new Set([...views.keys(), ...activity.keys()])]

    await db.transaction(async (trx) => {
      await trx.rawQuery(
        `update anime set trending_score = case when trending_score * ? < 0.001 then 0
           else trending_score * ? end
         where trending_score > 0`,
        [decay, decay]
      )
      if (ids.length > 0) {
        const values = ids.map((id) => [id, views.get(id) ?? 0, activity.get(id) ?? 0])
        await trx.rawQuery(
          `update anime set view_count = anime.view_count + fresh.views,
             trending_score = anime.trending_score + fresh.views + fresh.activity * ?
           from (select * from unnest(?::bigint[], ?::bigint[], ?::bigint[]) as t(id, views, activity)) as fresh
           where anime.id = fresh.id`,
          [
            ACTIVITY_WEIGHT,
            values.map(([id]) => id),
            values.map(([, count]) => count),
            values.map(([, , count]) => count),
          ]
        )
      }
    })
    await redis.set(COMPUTED_AT, now.toISO()!)

    const leaders = await this.#order(TOP_SIZE, { showAdult: true }).select('anime.id')
    const top = leaders.map((anime) => anime.id).join(',')
    const previous = await redis.getset(TOP_IDS, top)
    await cache.deleteByTag({ tags: ['trending'] })
    if (previous !== top) {
      await emitter.emit('trending:changed', { computedAt: now.toISO()! })
    }
  }

  #order(limit: number, viewer: Viewer) {
    return Anime.query()
      .if(!viewer.showAdult, (query) => query.where('is_adult', false))
      .orderBy('trending_score', 'desc')
      .orderBy('popularity', 'desc')
      .orderByRaw('source_score desc nulls last')
      .orderBy('id', 'asc')
      .limit(limit)
  }

  /** Reads and empties a Redis hash of counters atomically (renamed away first). */
  async #drain(key: string) {
    const draining = `${key}:draining`
    const counts = new Map<number, number>()
    try {
      await redis.rename(key, draining)
    } catch {
      return counts
    }
    const entries = await redis.hgetall(draining)
    await redis.del(draining)
    for (const [id, count] of Object.entries(entries)) counts.set(Number(id), Number(count))
    return counts
  }
}
