import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SessionService from '#services/session_service'
import { refreshValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class RefreshTokenController {
  constructor(protected sessions: SessionService) {}

  /** Rotation: the presented refresh token is spent, a new pair comes back. */
  async store(ctx: HttpContext) {
    const { refreshToken } = await ctx.request.validateUsing(refreshValidator)
    const tokens = await this.sessions.refresh(refreshToken, clientInfo(ctx))
    return { tokens }
  }
}
