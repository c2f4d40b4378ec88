import type { ApplicationService } from '@adonisjs/core/types'
import type { DbQueryEventNode } from '@adonisjs/lucid/types/database'
import MetricsService from '#services/metrics_service'

/** Queries slower than this are logged as warnings and counted. */
const SLOW_QUERY_MS = 500

/**
 * Wires request logging, the request histogram and slow-query reporting to the framework's
 * events, so no controller or middleware has to remember them.
 */
export default class ObservabilityProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(MetricsService, () => new MetricsService())
  }

  async boot() {
    const emitter = await this.app.container.make('emitter')
    const logger = await this.app.container.make('logger')
    const metrics = await this.app.container.make(MetricsService)

    emitter.on('http:request_completed', ({ ctx, duration }) => {
      const seconds = duration[0] + duration[1] / 1e9
      const route = ctx.route?.pattern ?? 'unmatched'
      const status = ctx.response.getStatus()
      metrics.observeRequest(ctx.request.method(), route, status, seconds)
      ctx.logger.info(
        {
          method: ctx.request.method(),
          route,
          status,
          durationMs: Math.round(seconds * 1000 * 100) / 100,
        },
        'request completed'
      )
    })

    for (const result of ['hit', 'miss'] as const) {
      emitter.on(`cache:${result}`, ({ key }: { key: string }) => {
        metrics.cacheRequests.inc({ cache: key.split(':').slice(0, 2).join(':'), result })
      })
    }

    emitter.on('db:query', (query: DbQueryEventNode) => {
      if (!query.duration) return
      const milliseconds = query.duration[0] * 1000 + query.duration[1] / 1e6
      if (milliseconds < SLOW_QUERY_MS) return
      metrics.slowQueries.inc()
      logger.warn(
        { sql: query.sql, durationMs: Math.round(milliseconds), connection: query.connection },
        'slow database query'
      )
    })
  }
}
