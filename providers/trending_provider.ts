import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'

/**
 * Recomputes trending every TRENDING_INTERVAL on web instances. Every instance runs the
 * timer; the Redis lock in TrendingService lets one of them do the work each time.
 */
export default class TrendingProvider {
  #timer?: NodeJS.Timeout

  constructor(protected app: ApplicationService) {}

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

  async shutdown() {
    clearInterval(this.#timer)
  }
}
