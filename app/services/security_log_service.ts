import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import SecurityEvent, { type SecurityEventType } from '#models/security_event'
import type User from '#models/user'
import type { ClientInfo } from '#helpers/client_info'

/**
 * The security log: what happened to an account, from where. Owners read it; nobody edits it.
 */
export default class SecurityLogService {
  record(
    type: SecurityEventType,
    user: User | null,
    client: ClientInfo,
    meta: Record<string, unknown> = {},
    trx?: TransactionClientContract
  ) {
    return SecurityEvent.create(
      {
        type,
        userId: user?.id ?? null,
        ip: client.ip,
        userAgent: client.userAgent,
        meta,
        createdAt: DateTime.utc(),
      },
      { client: trx }
    )
  }

  paginate(user: User, page: number, perPage: number) {
    return SecurityEvent.query()
      .where('userId', user.id)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .paginate(page, perPage)
  }
}
