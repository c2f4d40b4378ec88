import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/account_service'
import UserTransformer from '#transformers/user_transformer'
import AccountExportTransformer from '#transformers/account_export_transformer'
import { deleteAccountValidator, updateProfileValidator } from '#validators/user'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class ProfileController {
  constructor(protected accounts: AccountService) {}

  async show(ctx: HttpContext) {
    return ctx.serializeRaw({ user: UserTransformer.transform(ctx.auth.getUserOrFail()) })
  }

  async update(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const changes = await ctx.request.validateUsing(updateProfileValidator, {
      meta: { userId: user.id },
    })
    await this.accounts.updateProfile(user, changes)
    return ctx.serializeRaw({ user: UserTransformer.transform(user) })
  }

  /** Erases the account and its personal data now (GDPR). */
  async destroy(ctx: HttpContext) {
    const { password } = await ctx.request.validateUsing(deleteAccountValidator)
    await this.accounts.delete(ctx.auth.getUserOrFail(), password, clientInfo(ctx))
    return ctx.response.noContent()
  }

  /** Everything held about the user, as a JSON attachment. */
  async export(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const data = await this.accounts.export(user)
    ctx.response.header(
      'Content-Disposition',
      `attachment; filename="animesenpai-export-${user.username}.json"`
    )
    return ctx.serializeRaw(AccountExportTransformer.transform(data))
  }
}
