import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Resolves the user when a valid token is sent, and carries on as a guest otherwise:
 * public routes still personalise (adult titles, rate limits per user).
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.header('authorization')) await ctx.auth.check()
    return next()
  }
}
