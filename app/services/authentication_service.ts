import { inject } from '@adonisjs/core'
import hash from '@adonisjs/core/services/hash'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import ApiException from '#exceptions/api_exception'
import SecurityLogService from '#services/security_log_service'
import SessionService from '#services/session_service'
import { accountLockout } from '#start/limiter'
import type { ClientInfo } from '#helpers/client_info'

/**
 * Password checks behind the account lockout. Unknown logins and wrong passwords answer
 * alike, in about the same time (an unknown login still pays for one hash).
 */
@inject()
export default class AuthenticationService {
  constructor(
    protected securityLog: SecurityLogService,
    protected sessions: SessionService
  ) {}

  async login(login: string, password: string, client: ClientInfo) {
    const user = await User.findForAuth(['email', 'username'], login)
    const key = user ? `account_${user.id}` : `login_${login.trim().toLowerCase()}`

    await this.#guard(key, user, client, async () => {
      const valid = user ? await user.verifyPassword(password) : await this.#burnHash(password)
      if (!valid) throw new authErrors.E_INVALID_CREDENTIALS('Invalid login or password')
    })

    await this.securityLog.record('login_success', user, client)
    const { tokens } = await this.sessions.start(user!, client)
    return { user: user!, tokens }
  }

  /**
   * Re-checks the password of a signed-in user (password change, account deletion). A wrong
   * one answers 422 on `field` and counts as a failed login.
   */
  async confirmPassword(user: User, password: string, field: string, client: ClientInfo) {
    await this.#guard(`account_${user.id}`, user, client, async () => {
      if (!(await user.verifyPassword(password))) {
        throw ApiException.invalidField(field, 'password', 'The password is incorrect')
      }
    })
  }

  async #guard(key: string, user: User | null, client: ClientInfo, check: () => Promise<void>) {
    const lockout = accountLockout()
    let locked
    try {
      ;[locked] = await lockout.penalize(key, check)
    } catch (error) {
      if (user) {
        await this.securityLog.record('login_failure', user, client)
        if (await lockout.isBlocked(key)) {
          await this.securityLog.record('account_locked', user, client)
        }
      }
      throw error
    }
    if (locked) {
      throw new ApiException('E_ACCOUNT_LOCKED', 'Too many failed logins: try again later', {
        headers: { 'Retry-After': locked.response.availableIn },
      })
    }
  }

  /** Spends the time of one password check, so unknown logins cannot be told apart. */
  async #burnHash(password: string) {
    await hash.make(password)
    return false
  }
}
