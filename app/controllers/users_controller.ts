import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/account_service'
import PublicUserTransformer from '#transformers/public_user_transformer'

@inject()
export default class UsersController {
  constructor(protected accounts: AccountService) {}

  /** A public profile. */
  async show(ctx: HttpContext) {
    const { user, stats } = await this.accounts.publicProfile(String(ctx.params.username))
    return ctx.serializeRaw({ user: PublicUserTransformer.transform(user), stats })
  }

  /** Whether a username can still be taken. */
  async availability(ctx: HttpContext) {
    return { available: await this.accounts.usernameAvailable(String(ctx.params.username)) }
  }
}
