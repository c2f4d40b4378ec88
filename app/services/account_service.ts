import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import User, { DEFAULT_PREFERENCES, type Role, type UserPreferences } from '#models/user'
import UserSession from '#models/user_session'
import SecurityEvent from '#models/security_event'
import VerifyEmailNotification from '#mails/verify_email_notification'
import ApiException from '#exceptions/api_exception'
import AuthenticationService from '#services/authentication_service'
import EmailTokenService from '#services/email_token_service'
import SecurityLogService from '#services/security_log_service'
import SessionService from '#services/session_service'
import type { ClientInfo } from '#helpers/client_info'
import { saveUnique } from '#helpers/unique'

export type SignupData = {
  email: string
  username: string
  password: string
  displayName?: string | null
}

export type ProfileChanges = {
  displayName?: string | null
  bio?: string | null
  avatarUrl?: string | null
  username?: string
  preferences?: Partial<UserPreferences>
}

/** Which field a unique violation on `users` is about. */
const userField = (constraint: string) => (constraint.includes('email') ? 'email' : 'username')
const USERNAME_PATTERN = /^[a-zA-Z0-9_]{3,30}$/

/**
 * An account's life: signup, email verification, profile, export and erasure.
 */
@inject()
export default class AccountService {
  constructor(
    protected emailTokens: EmailTokenService,
    protected sessions: SessionService,
    protected securityLog: SecurityLogService,
    protected authentication: AuthenticationService
  ) {}

  async signup(data: SignupData, client: ClientInfo) {
    const user = await saveUnique(
      (trx) =>
        User.create(
          {
            email: data.email,
            username: data.username,
            password: data.password,
            displayName: data.displayName ?? null,
            role: 'user',
            preferences: { ...DEFAULT_PREFERENCES },
          },
          { client: trx }
        ),
      userField
    )
    await this.sendVerification(user)
    const { tokens } = await this.sessions.start(user, client)
    await emitter.emit('user:registered', { userId: user.id })
    return { user, tokens }
  }

  /** Mails a fresh verification link (the previous one stops working). */
  async sendVerification(user: User) {
    if (user.emailVerifiedAt) return
    const token = await this.emailTokens.issue(user, 'verify_email')
    await mail.sendLater(new VerifyEmailNotification(user, token))
  }

  async verifyEmail(token: string, client: ClientInfo) {
    const user = await this.emailTokens.consume(token, 'verify_email')
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = DateTime.utc()
      await user.save()
      await this.securityLog.record('email_verified', user, client)
    }
    return user
  }

  async updateProfile(user: User, changes: ProfileChanges) {
    const { preferences, ...fields } = changes
    user.merge(fields)
    if (preferences) user.preferences = { ...user.settings, ...preferences }
    return saveUnique((trx) => user.useTransaction(trx).save(), userField)
  }

  /** Gives an account a role (ace `user:role`); null when no account has that email or username. */
  async setRole(login: string, role: Role) {
    const user = await User.findForAuth(['email', 'username'], login)
    if (!user) return null
    user.role = role
    await user.save()
    return user
  }

  /** A name that breaks the username rules can never be taken, so it is not available. */
  async usernameAvailable(username: string) {
    if (!USERNAME_PATTERN.test(username)) return false
    return !(await User.findByUsername(username))
  }

  async publicProfile(username: string) {
    const user = USERNAME_PATTERN.test(username) ? await User.findByUsername(username) : null
    if (!user) throw ApiException.notFound('User not found')
    return { user, stats: await this.#publicStats(user) }
  }

  /**
   * Erases the account now (GDPR): the user row and everything that hangs off it go (foreign
   * keys cascade), and one anonymous `account_deleted` event stays.
   */
  async delete(user: User, password: string, client: ClientInfo) {
    await this.authentication.confirmPassword(user, password, 'password', client)
    const sessions = await this.sessions.active(user)
    await db.transaction(async (trx) => {
      await user.useTransaction(trx).delete()
      await SecurityEvent.create(
        {
          type: 'account_deleted',
          userId: null,
          ip: null,
          userAgent: null,
          meta: { anonymousId: randomUUID() },
          createdAt: DateTime.utc(),
        },
        { client: trx }
      )
    })
    for (const session of sessions) {
      await emitter.emit('session:revoked', { userId: user.id, sessionId: session.id })
    }
  }

  /** Everything held about the user, as one document. */
  async export(user: User) {
    const [sessions, securityEvents] = await Promise.all([
      UserSession.query().where('userId', user.id).orderBy('createdAt', 'desc'),
      SecurityEvent.query().where('userId', user.id).orderBy('createdAt', 'desc'),
    ])
    return { user, sessions, securityEvents }
  }

  async #publicStats(_user: User) {
    return {}
  }
}
