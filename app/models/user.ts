import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { type AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import env from '#start/env'
import { UserSchema } from '#database/schema'
import UserSession from '#models/user_session'
import SecurityEvent from '#models/security_event'

export const ROLES = ['user', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export type UserPreferences = {
  listVisibility: 'public' | 'private'
  showAdult: boolean
}

export const DEFAULT_PREFERENCES: UserPreferences = { listVisibility: 'public', showAdult: false }

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email', 'username'],
  passwordColumnName: 'password',
})

export default class User extends compose(UserSchema, AuthFinder) {
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: env.get('ACCESS_TOKEN_TTL') / 1000,
    prefix: 'oat_',
    table: 'auth_access_tokens',
    type: 'auth_token',
    tokenSecretLength: 40,
  })

  declare currentAccessToken?: AccessToken

  @column()
  declare role: Role

  @column({
    prepare: (value: UserPreferences) => JSON.stringify(value),
  })
  declare preferences: UserPreferences

  @hasMany(() => UserSession)
  declare sessions: HasMany<typeof UserSession>

  @hasMany(() => SecurityEvent)
  declare securityEvents: HasMany<typeof SecurityEvent>

  /**
   * Logins are case-insensitive: an email (stored lower-cased) or a username in any case.
   */
  static async findForAuth<T extends LucidModel>(this: T, _uids: string[], value: string) {
    const login = value.trim().toLowerCase()
    const user = await this.query()
      .where('email', login)
      .orWhereRaw('lower(username) = ?', [login])
      .first()
    return user as InstanceType<T> | null
  }

  static findByUsername(username: string) {
    return this.query().whereRaw('lower(username) = ?', [username.toLowerCase()]).first()
  }

  /** Roles are ordered: user < moderator < admin. */
  hasRole(role: Role) {
    return ROLES.indexOf(this.role) >= ROLES.indexOf(role)
  }

  get settings(): UserPreferences {
    return { ...DEFAULT_PREFERENCES, ...this.preferences }
  }
}
