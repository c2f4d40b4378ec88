import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import type User from '#models/user'
import { frontendLink, renderMail } from '#mails/layout'

/**
 * Sends the password reset link: `${FRONTEND_URL}/reset-password?token=…`.
 */
export default class ResetPasswordNotification extends BaseMail {
  subject = 'Reset your password'

  constructor(
    private user: User,
    private token: string
  ) {
    super()
  }

  prepare() {
    const url = frontendLink(
      env.get('FRONTEND_URL', 'http://localhost:3000'),
      'reset-password',
      this.token
    )
    const { text, html } = renderMail({
      greeting: `Hi ${this.user.displayName ?? this.user.username},`,
      paragraphs: ['Someone asked to reset the password of your AnimeSenpai account.'],
      action: { label: 'Choose a new password', url },
      footer:
        'The link works once and expires in 1 hour. If you did not ask for it, ignore this mail: your password stays the same.',
    })
    this.message.to(this.user.email).text(text).html(html)
  }
}
