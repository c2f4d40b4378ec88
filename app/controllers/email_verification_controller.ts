import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/account_service'
import UserTransformer from '#transformers/user_transformer'
import { tokenValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class EmailVerificationController {
  constructor(protected accounts: AccountService) {}

  /** Confirms the address with the token from the mail. */
  async store(ctx: HttpContext) {
    const { token } = await ctx.request.validateUsing(tokenValidator)
    const user = await this.accounts.verifyEmail(token, clientInfo(ctx))
    return ctx.serializeRaw({ user: UserTransformer.transform(user) })
  }

  /** Sends a new verification mail. */
  async resend(ctx: HttpContext) {
    await this.accounts.sendVerification(ctx.auth.getUserOrFail())
    return ctx.response.accepted({ data: { queued: true } })
  }
}
