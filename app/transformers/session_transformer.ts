import { BaseTransformer } from '@adonisjs/core/transformers'
import type UserSession from '#models/user_session'
import { isoTime } from '#helpers/dates'

export default class SessionTransformer extends BaseTransformer<UserSession> {
  constructor(
    resource: UserSession,
    protected currentSessionId: number | null
  ) {
    super(resource)
  }

  toObject() {
    const session = this.resource
    return {
      id: session.id,
      userAgent: session.userAgent,
      ip: session.ip,
      createdAt: isoTime(session.createdAt),
      lastUsedAt: isoTime(session.lastUsedAt),
      expiresAt: isoTime(session.expiresAt),
      current: session.id === this.currentSessionId,
    }
  }
}
