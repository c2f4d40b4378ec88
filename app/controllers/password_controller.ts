import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import PasswordService from '#services/password_service'
import { changePasswordValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class PasswordController {
  constructor(protected passwords: PasswordService) {}

  /** Changes the password; every other session ends. */
  async update(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { currentPassword, newPassword } = await ctx.request.validateUsing(
      changePasswordValidator,
      { meta: { identity: [user.email, user.username] } }
    )
    await this.passwords.change(user, currentPassword, newPassword, clientInfo(ctx))
    return ctx.response.noContent()
  }
}
