import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

/**
 * Encrypts and signs data. Rotating it invalidates encrypted values.
 */
export const appKey = env.get('APP_KEY')

export const appUrl = env.get('APP_URL', `http://localhost:${env.get('PORT', 3333)}`)

/**
 * Only the listed proxies are believed about the client's address (`X-Forwarded-For`):
 * rate limits and security events key on it.
 */
const trustedProxies = (env.get('TRUST_PROXY') ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  trustProxy: trustedProxies.length > 0 ? trustedProxies.join(',') : false,
  /**
   * Comma lists (`genres`, `fields`) are split by their validators, which report bad items
   * by field; the query-string parser leaves them as strings.
   */
  /**
   * Answers are plain data (no cycles, no bigints), so the native serializer is enough and
   * several times faster than the framework's safe default.
   */
  serializeJSON: (value: unknown) => JSON.stringify(value),
  qs: {
    parse: { comma: false },
  },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
