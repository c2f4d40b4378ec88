import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AuthenticationService from '#services/authentication_service'
import SessionService from '#services/session_service'
import UserTransformer from '#transformers/user_transformer'
import { loginValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class AccessTokenController {
  constructor(
    protected authentication: AuthenticationService,
    protected sessions: SessionService
  ) {}

  /** Login by email or username. */
  async store(ctx: HttpContext) {
    const { login, password } = await ctx.request.validateUsing(loginValidator)
    const { user, tokens } = await this.authentication.login(login, password, clientInfo(ctx))
    return ctx.serializeRaw({ user: UserTransformer.transform(user), tokens })
  }

  /** Logout: this session's tokens stop working at once. */
  async destroy(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await this.sessions.end(user, this.sessions.currentSessionId(user), clientInfo(ctx), 'logout')
    return ctx.response.noContent()
  }

  /** Logout everywhere: every session of the user ends. */
  async destroyAll(ctx: HttpContext) {
    await this.sessions.logoutEverywhere(ctx.auth.getUserOrFail(), clientInfo(ctx))
    return ctx.response.noContent()
  }
}
