import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: for refresh, verification and reset tokens. */
export function randomToken(prefix = '') {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** Tokens are stored only as SHA-256 hashes: a database leak gives nobody a session. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
