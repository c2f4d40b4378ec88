import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { UserSessionSchema } from '#database/schema'
import User from '#models/user'
import RefreshToken from '#models/refresh_token'

/**
 * One signed-in device: its refresh tokens rotate, its access tokens name it.
 */
export default class UserSession extends UserSessionSchema {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @hasMany(() => RefreshToken, { foreignKey: 'sessionId' })
  declare refreshTokens: HasMany<typeof RefreshToken>

  get isActive() {
    return !this.revokedAt && this.expiresAt.toMillis() > Date.now()
  }
}
