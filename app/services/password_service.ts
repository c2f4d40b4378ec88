import { inject } from '@adonisjs/core'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import ResetPasswordNotification from '#mails/reset_password_notification'
import AuthenticationService from '#services/authentication_service'
import EmailTokenService from '#services/email_token_service'
import SecurityLogService from '#services/security_log_service'
import SessionService from '#services/session_service'
import { resetMailLimit } from '#start/limiter'
import type { ClientInfo } from '#helpers/client_info'

/**
 * Lost and changed passwords.
 */
@inject()
export default class PasswordService {
  constructor(
    protected emailTokens: EmailTokenService,
    protected sessions: SessionService,
    protected securityLog: SecurityLogService,
    protected authentication: AuthenticationService
  ) {}

  /**
   * Mails a reset link when the address belongs to an account. Silent either way (no user
   * enumeration), and at most 3 mails an hour per address.
   */
  async forgot(email: string, client: ClientInfo) {
    const user = await User.findBy('email', email)
    if (!user) return

    const allowed = await resetMailLimit().attempt(`reset_${user.id}`, () => true)
    if (!allowed) return

    const token = await this.emailTokens.issue(user, 'reset_password')
    await this.securityLog.record('password_reset_requested', user, client)
    await mail.sendLater(new ResetPasswordNotification(user, token))
  }

  /** Sets a new password from a reset link and ends every session of the user. */
  async reset(token: string, password: string, client: ClientInfo) {
    const user = await this.emailTokens.consume(token, 'reset_password')
    user.password = password
    await user.save()
    await this.sessions.endAll(user)
    await this.securityLog.record('password_reset', user, client)
  }

  /** Changes the password of a signed-in user and ends their other sessions. */
  async change(user: User, currentPassword: string, newPassword: string, client: ClientInfo) {
    await this.authentication.confirmPassword(user, currentPassword, 'currentPassword', client)
    user.password = newPassword
    await user.save()
    await this.sessions.endAll(user, { exceptSessionId: this.sessions.currentSessionId(user) })
    await this.securityLog.record('password_changed', user, client)
  }
}
