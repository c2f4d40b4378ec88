import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import PasswordService from '#services/password_service'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/auth'
import { clientInfo } from '#helpers/client_info'

@inject()
export default class PasswordResetController {
  constructor(protected passwords: PasswordService) {}

  /** Forgot password: 202 whether or not the address has an account. */
  async store(ctx: HttpContext) {
    const { email } = await ctx.request.validateUsing(forgotPasswordValidator)
    await this.passwords.forgot(email, clientInfo(ctx))
    return ctx.response.accepted({ data: { queued: true } })
  }

  /** Sets a new password from the mailed token; every session ends. */
  async update(ctx: HttpContext) {
    const { token, password } = await ctx.request.validateUsing(resetPasswordValidator)
    await this.passwords.reset(token, password, clientInfo(ctx))
    return ctx.response.noContent()
  }
}
