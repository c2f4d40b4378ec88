/*
| Validates every variable of the contract's Configuration section at boot. A missing or
| malformed required variable stops start-up with an error that names it.
*/
import { Env } from '@adonisjs/core/env'
import { Secret } from '@adonisjs/core/helpers'
import { parseDuration } from '#helpers/duration'

/** Durations are strings like `900ms`, `30s`, `15m`, `7d`; a bare number means seconds. */
function duration(fallback: string) {
  return (key: string, value?: string) => {
    const milliseconds = parseDuration(value || fallback)
    if (milliseconds === null) {
      throw new Error(`Invalid value for "${key}": expected a duration like 30s, 15m or 7d`)
    }
    return milliseconds
  }
}

/** Connection URLs (`postgres://…`, `redis://…`) must parse as URLs. */
function connectionUrl(key: string, value?: string) {
  if (!value) return undefined
  if (!URL.canParse(value)) {
    throw new Error(`Invalid value for "${key}": expected a connection URL`)
  }
  return value
}

/** The app key encrypts and signs data: a short one would be guessable. */
function appKey(key: string, value?: string) {
  if (!value) throw new Error(`Missing environment variable "${key}"`)
  if (value.length < 32) throw new Error(`Invalid value for "${key}": use at least 32 characters`)
  return new Secret(value)
}

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  HOST: Env.schema.string.optional({ format: 'host' }),
  PORT: Env.schema.number.optional(),
  APP_KEY: appKey,
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  TRUST_PROXY: Env.schema.string.optional(),

  DATABASE_URL: connectionUrl,
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  DB_POOL_MIN: Env.schema.number.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),

  REDIS_URL: connectionUrl,
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),

  CORS_ORIGINS: Env.schema.string.optional(),
  FRONTEND_URL: Env.schema.string.optional({ format: 'url', tld: false }),

  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'resend'] as const),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  RESEND_API_KEY: Env.schema.string.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),

  ACCESS_TOKEN_TTL: duration('15m'),
  REFRESH_TOKEN_TTL: duration('7d'),
  RATE_LIMIT_REQUESTS: Env.schema.number.optional(),
  RATE_LIMIT_WINDOW: duration('15m'),
  RATE_LIMIT_AUTH_FACTOR: Env.schema.number.optional(),
  TRENDING_INTERVAL: duration('5m'),

  METRICS_TOKEN: Env.schema.string.optional(),
  CATALOG_SOURCE: Env.schema.string.optional(),
  MIGRATE_ON_START: Env.schema.boolean.optional(),
})
