import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { RefreshTokenSchema } from '#database/schema'
import UserSession from '#models/user_session'

export default class RefreshToken extends RefreshTokenSchema {
  @belongsTo(() => UserSession, { foreignKey: 'sessionId' })
  declare session: BelongsTo<typeof UserSession>
}
