/*
| Named rate limiters. Counters live in Redis, shared by every app instance.
*/
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import type { MiddlewareFn } from '@adonisjs/core/types/http'

const authFactor = env.get('RATE_LIMIT_AUTH_FACTOR', 1)

type Allowance = { requests: number; duration: number | string; key: string }

/**
 * Like `limiter.define`, with two differences. Limiters nest: the innermost (strictest,
 * route-level) one's `X-RateLimit-*` headers stay, so a 429 from the login limiter reports the
 * login limit. And a request costs one Redis round trip: `consume` alone (it throws the same
 * 429 error past the limit), where the package's `throttle` reads the counter first.
 */
function throttle(name: string, allowance: (ctx: HttpContext) => Allowance): MiddlewareFn {
  return async (ctx, next) => {
    const { requests, duration, key } = allowance(ctx)
    const limit = await limiter.use('redis', { requests, duration }).consume(`${name}_${key}`)
    await next()
    if (ctx.response.getHeader('X-RateLimit-Limit') === undefined) {
      ctx.response.header('X-RateLimit-Limit', limit.limit)
      ctx.response.header('X-RateLimit-Remaining', limit.remaining)
    }
  }
}

/** The user when signed in, else the client's address (see TRUST_PROXY). */
function clientKey({ auth, request }: HttpContext) {
  return auth.user ? `user_${auth.user.id}` : `ip_${request.ip()}`
}

/** Auth limits are fixed; `RATE_LIMIT_AUTH_FACTOR` scales them for load tests. */
const scaled = (requests: number) => Math.max(1, Math.round(requests * authFactor))

const perIp = (name: string, requests: number, duration: string) =>
  throttle(name, ({ request }) => ({
    requests: scaled(requests),
    duration,
    key: `ip_${request.ip()}`,
  }))

/**
 * Every API route: `RATE_LIMIT_REQUESTS` per `RATE_LIMIT_WINDOW` per client.
 */
export const apiThrottle = throttle('api', (ctx) => ({
  requests: env.get('RATE_LIMIT_REQUESTS', 100),
  duration: env.get('RATE_LIMIT_WINDOW') / 1000,
  key: clientKey(ctx),
}))

export const authThrottle = perIp('auth', 30, '1 minute')
export const loginThrottle = perIp('login', 10, '1 minute')
export const signupThrottle = perIp('signup', 5, '1 hour')
export const forgotPasswordThrottle = perIp('forgot_password', 5, '1 hour')

/** Verification mail resends, per user. */
export const emailResendThrottle = throttle('email_resend', ({ auth }) => ({
  requests: scaled(3),
  duration: '1 hour',
  key: `user_${auth.getUserOrFail().id}`,
}))

/**
 * Account lockout: 5 failed password checks for one account within 15 minutes lock it
 * for 15 minutes, whatever the password then given. Keyed by account, not by IP.
 */
export const accountLockout = () =>
  limiter.use('redis', { requests: 5, duration: '15 mins', blockDuration: '15 mins' })

/** Reset mails per address: over the limit, forgot-password still answers 202 but sends nothing. */
export const resetMailLimit = () => limiter.use('redis', { requests: 3, duration: '1 hour' })
