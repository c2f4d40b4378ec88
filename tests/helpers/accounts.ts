import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import type User from '#models/user'
import SessionService from '#services/session_service'
import { UserFactory } from '#database/factories/user_factory'

export const PASSWORD = 'correct horse battery staple'

/**
 * A user with a signed-in session, as a client would hold it.
 */
export async function signedInUser(
  overrides: Partial<{
    role: User['role']
    verified: boolean
    email: string
    username: string
  }> = {}
) {
  const { verified = true, ...attributes } = overrides
  const user = await UserFactory.merge({
    ...attributes,
    password: PASSWORD,
    emailVerifiedAt: verified ? DateTime.utc() : null,
  }).create()
  const sessions = await app.container.make(SessionService)
  const { session, tokens } = await sessions.start(user, { ip: '127.0.0.1', userAgent: 'japa' })
  return { user, session, tokens, token: tokens.accessToken }
}
