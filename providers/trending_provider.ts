import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import ViewCounter from '#services/view_counter'

/**
 * Owns the process's view counter, and recomputes trending every TRENDING_INTERVAL on web
 * instances. Every instance runs the timer; the Redis lock in TrendingService lets one of
 * them do the work each time.
 */
export default class TrendingProvider {
  #timer?: NodeJS.Timeout

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(ViewCounter, () => new ViewCounter())
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const { default: TrendingService } = await import('#services/trending_service')
    const trending = await this.app.container.make(TrendingService)
    const logger = await this.app.container.make('logger')
    const tick = () =>
      trending
        .recompute()
        .catch((error) => logger.error({ err: error }, 'trending recompute failed'))
    this.#timer = setInterval(tick, env.get('TRENDING_INTERVAL'))
    this.#timer.unref()
  }

  /** Runs before Redis closes (providers stop in reverse order): the last views are kept. */
  async shutdown() {
    clearInterval(this.#timer)
    const views = await this.app.container.make(ViewCounter)
    await views.flush()
  }
}
