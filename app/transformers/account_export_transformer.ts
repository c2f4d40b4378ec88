import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import type UserSession from '#models/user_session'
import type SecurityEvent from '#models/security_event'
import UserTransformer from '#transformers/user_transformer'
import SessionTransformer from '#transformers/session_transformer'
import SecurityEventTransformer from '#transformers/security_event_transformer'
import { isoTime } from '#helpers/dates'

type AccountExport = { user: User; sessions: UserSession[]; securityEvents: SecurityEvent[] }

/**
 * The GDPR export: every piece of data held about the user. Later features add their part.
 */
export default class AccountExportTransformer extends BaseTransformer<AccountExport> {
  toObject() {
    const { user, sessions, securityEvents } = this.resource
    return {
      exportedAt: new Date().toISOString(),
      profile: UserTransformer.transform(user),
      sessions: sessions.map((session) => ({
        ...new SessionTransformer(session, null).toObject(),
        revokedAt: isoTime(session.revokedAt),
      })),
      securityEvents: SecurityEventTransformer.transform(securityEvents),
    }
  }
}
