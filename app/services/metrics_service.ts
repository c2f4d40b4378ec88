import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * The process's Prometheus registry. Label values are bounded: routes are labelled by their
 * pattern (`/api/v1/anime/:idOrSlug`), never by the raw URL.
 */
export default class MetricsService {
  readonly registry = new Registry()

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })

  readonly slowQueries = new Counter({
    name: 'db_slow_queries_total',
    help: 'Database queries slower than the slow-query threshold',
    registers: [this.registry],
  })

  readonly cacheRequests = new Counter({
    name: 'cache_requests_total',
    help: 'Cache look-ups by cache name and result (hit or miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry })
  }

  observeRequest(method: string, route: string, status: number, seconds: number) {
    this.httpRequestDuration.observe({ method, route, status: String(status) }, seconds)
  }

  render() {
    return this.registry.metrics()
  }

  get contentType() {
    return this.registry.contentType
  }
}
