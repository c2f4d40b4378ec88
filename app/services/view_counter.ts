import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'

/** Views counted by every instance and not yet folded into trending (a Redis hash id → count). */
export const PENDING_VIEWS = 'trending:pending_views'

/** How long an instance gathers views before it adds them to Redis. */
const FLUSH_MS = 250

/**
 * Detail views, gathered in memory and added to the shared pending counts in one Redis
 * pipeline at most every 250 ms, so a busy detail page costs no Redis command per request.
 * A failed write keeps the counts for the next one; a crash loses at most 250 ms of views.
 * One per process (a container singleton).
 */
export default class ViewCounter {
  #pending = new Map<number, number>()
  #timer?: NodeJS.Timeout

  record(animeId: number, views = 1) {
    this.#pending.set(animeId, (this.#pending.get(animeId) ?? 0) + views)
    this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref()
  }

  /** Adds every gathered view to Redis now (trending recomputation and shutdown call it). */
  async flush() {
    clearTimeout(this.#timer)
    this.#timer = undefined
    if (this.#pending.size === 0) return
    const counts = this.#pending
    this.#pending = new Map()

    const pipeline = redis.pipeline()
    for (const [animeId, views] of counts) pipeline.hincrby(PENDING_VIEWS, String(animeId), views)
    try {
      const results = (await pipeline.exec()) ?? []
      const failed = results.find(([error]) => error)
      if (failed) throw failed[0]
    } catch (error) {
      logger.warn({ err: error, anime: counts.size }, 'could not count anime views: will retry')
      for (const [animeId, views] of counts) this.record(animeId, views)
    }
  }
}
