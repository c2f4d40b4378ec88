import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import type User from '#models/user'
import { frontendLink, renderMail } from '#mails/layout'

/**
 * A mail that sends a user a one-time link to the frontend (`${FRONTEND_URL}/<path>?token=…`),
 * with a plain-text and an HTML part.
 */
export default abstract class AccountMail extends BaseMail {
  /** The frontend page the link opens. */
  protected abstract path: string
  protected abstract paragraphs: string[]
  protected abstract actionLabel: string
  protected abstract footer: string

  constructor(
    protected user: User,
    protected token: string
  ) {
    super()
  }

  prepare() {
    const url = frontendLink(
      env.get('FRONTEND_URL', 'http://localhost:3000'),
      this.path,
      this.token
    )
    const { text, html } = renderMail({
      greeting: `Hi ${this.user.displayName ?? this.user.username},`,
      paragraphs: this.paragraphs,
      action: { label: this.actionLabel, url },
      footer: this.footer,
    })
    this.message.to(this.user.email).text(text).html(html)
  }
}
