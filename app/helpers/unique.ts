import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ApiException from '#exceptions/api_exception'

/** Whether a database error is a unique-index violation (PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): error is Error & { constraint?: string } {
  return (error as { code?: string } | null)?.code === '23505'
}

/**
 * Saves in a transaction of its own (a savepoint when nested, so a failure poisons nothing
 * around it) and turns a race lost on a unique index into the 422 `unique` the validators
 * give. `fieldOf` names the field from the violated constraint.
 */
export async function saveUnique<T>(
  save: (trx: TransactionClientContract) => Promise<T>,
  fieldOf: (constraint: string) => string
) {
  try {
    return await db.transaction(save)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const field = fieldOf(String(error.constraint))
    throw ApiException.invalidField(field, 'unique', `The ${field} has already been taken`)
  }
}
