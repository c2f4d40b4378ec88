import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ApiException from '#exceptions/api_exception'
import type { Role } from '#models/user'

/**
 * Routes marked "mod" or "admin" need at least that role. Runs after `auth`; the role is
 * read from the database on each request, so a change applies to the next request.
 */
export default class RoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { atLeast: Role }) {
    if (!ctx.auth.getUserOrFail().hasRole(options.atLeast)) {
      throw ApiException.forbidden(`This needs the ${options.atLeast} role`)
    }
    return next()
  }
}
