import { safeEqual } from '@adonisjs/core/helpers'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import env from '#start/env'
import ApiException from '#exceptions/api_exception'

/**
 * `/metrics` needs `Authorization: Bearer $METRICS_TOKEN` when that variable is set.
 */
export default class MetricsTokenMiddleware {
  async handle({ request }: HttpContext, next: NextFn) {
    const expected = env.get('METRICS_TOKEN')
    if (expected) {
      const given = request.header('authorization')?.replace(/^Bearer\s+/i, '') ?? ''
      if (!safeEqual(given, expected)) {
        throw new ApiException('E_UNAUTHORIZED', 'A valid metrics token is required')
      }
    }
    return next()
  }
}
