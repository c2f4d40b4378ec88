import { column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SecurityEventSchema } from '#database/schema'
import User from '#models/user'

export const SECURITY_EVENT_TYPES = [
  'login_success',
  'login_failure',
  'account_locked',
  'logout',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'email_verified',
  'refresh_token_reuse',
  'session_revoked',
  'account_deleted',
] as const
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number]

export default class SecurityEvent extends SecurityEventSchema {
  @column()
  declare type: SecurityEventType

  @column({ prepare: (value: Record<string, unknown>) => JSON.stringify(value) })
  declare meta: Record<string, unknown>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
