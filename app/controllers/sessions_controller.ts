import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SessionService from '#services/session_service'
import SessionTransformer from '#transformers/session_transformer'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class SessionsController {
  constructor(protected sessions: SessionService) {}

  /** The signed-in devices of the user. */
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const sessions = await this.sessions.active(user)
    return ctx.serialize(
      SessionTransformer.transform(sessions, this.sessions.currentSessionId(user))
    )
  }

  /** Ends one session; another user's answers 404. */
  async destroy(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await this.sessions.end(user, Number(ctx.params.id), clientInfo(ctx), 'session_revoked')
    return ctx.response.noContent()
  }
}
