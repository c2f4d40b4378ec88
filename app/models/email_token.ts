import { column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { EmailTokenSchema } from '#database/schema'
import User from '#models/user'

export type EmailTokenPurpose = 'verify_email' | 'reset_password'

export default class EmailToken extends EmailTokenSchema {
  @column()
  declare purpose: EmailTokenPurpose

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
