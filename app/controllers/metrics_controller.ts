import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import MetricsService from '#services/metrics_service'

export default class MetricsController {
  /**
   * Prometheus text exposition of the process's metrics.
   */
  @inject()
  async show({ response }: HttpContext, metrics: MetricsService) {
    response.header('Content-Type', metrics.contentType)
    return response.send(await metrics.render())
  }
}
