import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ApiException from '#exceptions/api_exception'

/**
 * Routes marked "verified" need a confirmed email address. Runs after `auth`.
 */
export default class VerifiedMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.getUserOrFail().emailVerifiedAt) {
      throw new ApiException('E_EMAIL_NOT_VERIFIED', 'Verify your email address first')
    }
    return next()
  }
}
