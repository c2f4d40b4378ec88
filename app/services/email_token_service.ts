import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import EmailToken, { type EmailTokenPurpose } from '#models/email_token'
import User from '#models/user'
import ApiException from '#exceptions/api_exception'
import { hashToken, randomToken } from '#helpers/tokens'

const LIFETIME: Record<EmailTokenPurpose, { hours: number }> = {
  verify_email: { hours: 24 },
  reset_password: { hours: 1 },
}

/**
 * Single-use tokens sent by mail (verification, password reset). Only their hash is kept;
 * issuing a new one voids the unused ones of the same purpose.
 */
export default class EmailTokenService {
  async issue(user: User, purpose: EmailTokenPurpose) {
    const token = randomToken()
    await db.transaction(async (trx) => {
      await EmailToken.query({ client: trx })
        .where({ userId: user.id, purpose })
        .whereNull('usedAt')
        .delete()
      await EmailToken.create(
        {
          userId: user.id,
          purpose,
          tokenHash: hashToken(token),
          expiresAt: DateTime.utc().plus(LIFETIME[purpose]),
        },
        { client: trx }
      )
    })
    return token
  }

  /**
   * Spends a token and returns its user; 400 for a bad, used or expired one.
   */
  async consume(token: string, purpose: EmailTokenPurpose) {
    return db.transaction(async (trx) => {
      const row = await EmailToken.query({ client: trx })
        .where({ tokenHash: hashToken(token), purpose })
        .forUpdate()
        .first()
      if (!row || row.usedAt || row.expiresAt.toMillis() <= Date.now()) {
        throw ApiException.badRequest('This link is invalid, already used or expired')
      }
      row.usedAt = DateTime.utc()
      await row.useTransaction(trx).save()
      return User.findOrFail(row.userId, { client: trx })
    })
  }
}
