import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import User from '#models/user'
import UserSession from '#models/user_session'
import RefreshToken from '#models/refresh_token'
import ApiException from '#exceptions/api_exception'
import SecurityLogService from '#services/security_log_service'
import { hashToken, randomToken } from '#helpers/tokens'
import type { ClientInfo } from '#helpers/client_info'

export type Tokens = {
  tokenType: 'Bearer'
  accessToken: string
  accessTokenExpiresAt: string
  refreshToken: string
  refreshTokenExpiresAt: string
}

/**
 * Sessions: one per signed-in device. Issues access tokens (named after their session) and
 * rotating refresh tokens; ending a session deletes its access tokens, so they fail at once.
 */
@inject()
export default class SessionService {
  constructor(protected securityLog: SecurityLogService) {}

  async start(user: User, client: ClientInfo) {
    const now = DateTime.utc()
    const session = await UserSession.create({
      userId: user.id,
      userAgent: client.userAgent,
      ip: client.ip,
      lastUsedAt: now,
      expiresAt: now.plus({ milliseconds: env.get('REFRESH_TOKEN_TTL') }),
    })
    return { session, tokens: await this.#issue(user, session) }
  }

  /**
   * Rotates a refresh token. A token that was already rotated is reuse: the whole session
   * ends and a `refresh_token_reuse` event is written.
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<Tokens> {
    const outcome = await db.transaction(async (trx) => {
      const row = await RefreshToken.query({ client: trx })
        .where('tokenHash', hashToken(refreshToken))
        .forUpdate()
        .preload('session', (query) => query.preload('user'))
        .first()
      if (!row) return { kind: 'invalid' as const }

      const session = row.session
      if (row.usedAt) {
        if (session.isActive) {
          await this.#revoke(session, trx)
          await this.securityLog.record(
            'refresh_token_reuse',
            session.user,
            client,
            { sessionId: session.id },
            trx
          )
          return { kind: 'reused' as const, session }
        }
        return { kind: 'invalid' as const }
      }
      if (!session.isActive || row.expiresAt.toMillis() <= Date.now()) {
        return { kind: 'invalid' as const }
      }

      const now = DateTime.utc()
      row.usedAt = now
      await row.useTransaction(trx).save()
      session.merge({
        lastUsedAt: now,
        expiresAt: now.plus({ milliseconds: env.get('REFRESH_TOKEN_TTL') }),
        ip: client.ip,
        userAgent: client.userAgent,
      })
      await session.useTransaction(trx).save()
      return { kind: 'rotated' as const, session }
    })

    if (outcome.kind === 'reused') {
      await emitter.emit('session:revoked', {
        userId: outcome.session.userId,
        sessionId: outcome.session.id,
      })
    }
    if (outcome.kind !== 'rotated') {
      throw ApiException.badRequest('The refresh token is invalid, spent or expired')
    }
    return this.#issue(outcome.session.user, outcome.session)
  }

  /** The user's active sessions, most recently used first. */
  active(user: User) {
    return UserSession.query()
      .where('userId', user.id)
      .whereNull('revokedAt')
      .where('expiresAt', '>', DateTime.utc().toSQL())
      .orderBy('lastUsedAt', 'desc')
      .orderBy('id', 'desc')
  }

  /** The session the request's access token belongs to. */
  currentSessionId(user: User) {
    return Number(user.currentAccessToken?.name)
  }

  /** Ends one of the user's sessions; 404 when it is not theirs or already over. */
  async end(
    user: User,
    sessionId: number,
    client: ClientInfo,
    reason: 'logout' | 'session_revoked'
  ) {
    const session = await this.active(user).where('id', sessionId).first()
    if (!session) throw ApiException.notFound('Session not found')
    await db.transaction(async (trx) => {
      await this.#revoke(session, trx)
      await this.securityLog.record(reason, user, client, { sessionId: session.id }, trx)
    })
    await emitter.emit('session:revoked', { userId: user.id, sessionId: session.id })
  }

  /** Logout everywhere, at the user's request: every session ends, and the log says so. */
  async logoutEverywhere(user: User, client: ClientInfo) {
    const ended = await this.endAll(user)
    await this.securityLog.record('logout', user, client, { sessions: ended, everywhere: true })
  }

  /** Ends every session of the user, or every one but `exceptSessionId`. */
  async endAll(user: User, options: { exceptSessionId?: number } = {}) {
    const sessions = await this.active(user).if(options.exceptSessionId, (query) =>
      query.whereNot('id', options.exceptSessionId!)
    )
    await db.transaction(async (trx) => {
      for (const session of sessions) await this.#revoke(session, trx)
    })
    for (const session of sessions) {
      await emitter.emit('session:revoked', { userId: user.id, sessionId: session.id })
    }
    return sessions.length
  }

  async #issue(user: User, session: UserSession): Promise<Tokens> {
    const refreshToken = randomToken('rt_')
    const refreshExpiresAt = session.expiresAt
    await RefreshToken.create({
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
    })
    const accessToken = await User.accessTokens.create(user, ['*'], { name: String(session.id) })
    return {
      tokenType: 'Bearer',
      accessToken: accessToken.value!.release(),
      accessTokenExpiresAt: accessToken.expiresAt!.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.toUTC().toISO()!,
    }
  }

  async #revoke(session: UserSession, trx: Parameters<typeof session.useTransaction>[0]) {
    session.revokedAt = DateTime.utc()
    await session.useTransaction(trx).save()
    await trx
      .from('auth_access_tokens')
      .where({ tokenable_id: session.userId, name: String(session.id) })
      .delete()
  }
}
