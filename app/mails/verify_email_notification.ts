import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import type User from '#models/user'
import { frontendLink, renderMail } from '#mails/layout'

/**
 * Asks a new user to confirm their address: links to `${FRONTEND_URL}/verify-email?token=…`.
 */
export default class VerifyEmailNotification extends BaseMail {
  subject = 'Confirm your email address'

  constructor(
    private user: User,
    private token: string
  ) {
    super()
  }

  prepare() {
    const url = frontendLink(
      env.get('FRONTEND_URL', 'http://localhost:3000'),
      'verify-email',
      this.token
    )
    const { text, html } = renderMail({
      greeting: `Hi ${this.user.displayName ?? this.user.username},`,
      paragraphs: ['Welcome to AnimeSenpai! Please confirm that this email address is yours.'],
      action: { label: 'Confirm my email', url },
      footer:
        'The link works once and expires in 24 hours. If you did not sign up, ignore this mail.',
    })
    this.message.to(this.user.email).text(text).html(html)
  }
}
