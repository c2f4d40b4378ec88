import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

export default class HealthController {
  /**
   * Liveness: the process is up and serving.
   */
  async live() {
    return { status: 'ok' }
  }

  /**
   * Readiness: PostgreSQL and Redis answer; 503 names the check that failed.
   */
  async ready({ response }: HttpContext) {
    const report = await healthChecks.run()
    const checks = Object.fromEntries(
      report.checks.map((check) => [
        check.name,
        {
          status: check.status === 'error' ? 'error' : 'ok',
          latencyMs: check.meta?.latencyMs ?? null,
          ...(check.status === 'error' ? { message: check.message } : {}),
        },
      ])
    )
    return response
      .status(report.isHealthy ? 200 : 503)
      .send({ status: report.isHealthy ? 'ok' : 'error', checks })
  }
}
