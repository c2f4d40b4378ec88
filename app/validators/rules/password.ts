import { readFileSync } from 'node:fs'
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import app from '@adonisjs/core/services/app'

let commonPasswords: Set<string> | undefined

/** The 10,000 most common passwords (SecLists), loaded once on first use. */
function isCommon(password: string) {
  commonPasswords ??= new Set(
    readFileSync(app.makePath('resources/common_passwords.txt'), 'utf8').split('\n').filter(Boolean)
  )
  return commonPasswords.has(password) || commonPasswords.has(password.toLowerCase())
}

/** True when the password equals one of the identities, ignoring case. */
export function matchesIdentity(password: string, identities: unknown[]) {
  const lowered = password.toLowerCase()
  return identities.some(
    (identity) => typeof identity === 'string' && identity.toLowerCase() === lowered
  )
}

/**
 * Rejects passwords from the common-password list.
 */
export const notCommonPassword = vine.createRule(
  (value: unknown, _: undefined, field: FieldContext) => {
    if (typeof value === 'string' && isCommon(value)) {
      field.report('The {{ field }} is too common: choose another one', 'commonPassword', field)
    }
  }
)

/**
 * Rejects a password equal to the account's email or username: read from sibling fields
 * (signup) or from the validator's `identity` metadata (password change).
 */
export const notIdentity = vine.createRule(
  (value: unknown, options: { fields: string[] }, field: FieldContext) => {
    if (typeof value !== 'string') return
    const identities = [
      ...options.fields.map((name) => field.parent?.[name]),
      ...((field.meta as { identity?: string[] }).identity ?? []),
    ]
    if (matchesIdentity(value, identities)) {
      field.report('The {{ field }} must not be your email or username', 'notIdentity', field)
    }
  }
)
