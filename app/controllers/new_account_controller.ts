import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/account_service'
import UserTransformer from '#transformers/user_transformer'
import { signupValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class NewAccountController {
  constructor(protected accounts: AccountService) {}

  /** Signup: creates the account, mails the verification link, signs the user in. */
  async store(ctx: HttpContext) {
    const payload = await ctx.request.validateUsing(signupValidator)
    const { user, tokens } = await this.accounts.signup(payload, clientInfo(ctx))
    ctx.response.status(201)
    return ctx.serializeRaw({ user: UserTransformer.transform(user), tokens })
  }
}
