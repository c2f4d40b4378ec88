import { randomUUID } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/

/**
 * Keeps a client's `X-Request-Id` only when it is 1–128 characters of `[A-Za-z0-9._-]`,
 * so that nothing odd reaches the logs or the response headers; otherwise a new one is
 * generated. The framework echoes the header on every response.
 */
export default class RequestIdMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const given = ctx.request.header('x-request-id')
    if (given && !SANE_REQUEST_ID.test(given)) {
      const requestId = randomUUID()
      ctx.request.request.headers['x-request-id'] = requestId
      ctx.logger = logger.child({ request_id: requestId })
    }
    return next()
  }
}
