import app from '@adonisjs/core/services/app'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as cacheErrors } from '@adonisjs/cache'
import { errors as httpErrors, type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import ApiException, { type ErrorCode } from '#exceptions/api_exception'

type ErrorItem = { code: ErrorCode; message: string; field?: string; rule?: string }
type Rendered = { status: number; errors: ErrorItem[]; headers?: Record<string, string | number> }

/** The contract names Lucid's `database.unique` rule plainly `unique`. */
const RULE_ALIASES: Record<string, string> = { 'database.unique': 'unique' }

/** Seconds a client should wait before retrying while PostgreSQL or Redis is away. */
const OUTAGE_RETRY_AFTER = 5

/** Socket errors of a database or Redis connection that is down or unreachable. */
const OUTAGE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'E_BAD_REQUEST',
  401: 'E_UNAUTHORIZED',
  403: 'E_FORBIDDEN',
  404: 'E_NOT_FOUND',
  409: 'E_CONFLICT',
  413: 'E_PAYLOAD_TOO_LARGE',
  422: 'E_VALIDATION',
  423: 'E_ACCOUNT_LOCKED',
  429: 'E_TOO_MANY_REQUESTS',
  503: 'E_SERVICE_UNAVAILABLE',
}

/**
 * Renders every error in the contract's envelope `{ errors: [{ code, message, field?, rule? }] }`
 * with the matching status. Unknown errors become a 500 whose message never leaks a stack,
 * SQL or a secret outside development.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = app.inDev

  /** Client errors are the client's business; only server faults are reported. */
  protected ignoreStatuses = [400, 401, 403, 404, 409, 413, 422, 423, 429]

  async handle(error: unknown, ctx: HttpContext) {
    const rendered = this.#render(error)
    for (const [name, value] of Object.entries(rendered.headers ?? {})) {
      ctx.response.header(name, value)
    }
    return ctx.response.status(rendered.status).send({ errors: rendered.errors })
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }

  #render(error: unknown): Rendered {
    // The cache wraps what a cached computation or its Redis layer threw: answer for that.
    if (
      (error instanceof cacheErrors.E_FACTORY_ERROR ||
        error instanceof cacheErrors.E_L2_CACHE_ERROR) &&
      error.cause
    ) {
      return this.#render(error.cause)
    }

    if (error instanceof ApiException) {
      const item: ErrorItem = { code: error.code, message: error.message }
      if (error.field) item.field = error.field
      if (error.rule) item.rule = error.rule
      return { status: error.status, errors: [item], headers: error.headers }
    }

    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const messages = error.messages as { message: string; field: string; rule: string }[]
      return {
        status: 422,
        errors: messages.map(({ message, field, rule }) => ({
          code: 'E_VALIDATION' as const,
          message,
          field,
          rule: RULE_ALIASES[rule] ?? rule,
        })),
      }
    }

    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      return {
        status: 429,
        errors: [{ code: 'E_TOO_MANY_REQUESTS', message: 'Too many requests, slow down' }],
        headers: error.getDefaultHeaders(),
      }
    }

    if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
      return {
        status: 401,
        errors: [{ code: 'E_INVALID_CREDENTIALS', message: 'Invalid login or password' }],
      }
    }

    if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) {
      return {
        status: 401,
        errors: [{ code: 'E_UNAUTHORIZED', message: 'Authentication required' }],
      }
    }

    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      return {
        status: 403,
        errors: [{ code: 'E_FORBIDDEN', message: 'You are not allowed to do this' }],
      }
    }

    if (
      error instanceof httpErrors.E_ROUTE_NOT_FOUND ||
      error instanceof lucidErrors.E_ROW_NOT_FOUND
    ) {
      return { status: 404, errors: [{ code: 'E_NOT_FOUND', message: 'Resource not found' }] }
    }

    // PostgreSQL refuses the NUL character in text (and in JSON it stores): a bad request.
    if (['22021', '22P05'].includes(this.#codeOf(error) ?? '')) {
      return {
        status: 400,
        errors: [{ code: 'E_BAD_REQUEST', message: 'Text must not contain the NUL character' }],
      }
    }

    if (this.#isOutage(error)) {
      return {
        status: 503,
        errors: [
          {
            code: 'E_SERVICE_UNAVAILABLE',
            message: 'A service the API depends on is unavailable, try again shortly',
          },
        ],
        headers: { 'Retry-After': OUTAGE_RETRY_AFTER },
      }
    }

    const status = this.#statusOf(error)
    if (status === 413) {
      return {
        status,
        errors: [{ code: 'E_PAYLOAD_TOO_LARGE', message: 'The request body is too large' }],
      }
    }
    if (error instanceof SyntaxError || (status === 422 && this.#codeOf(error) === undefined)) {
      return {
        status: 400,
        errors: [{ code: 'E_BAD_REQUEST', message: 'The request body is not valid JSON' }],
      }
    }
    if (status >= 400 && status < 500 && CODE_BY_STATUS[status]) {
      const message = error instanceof Error ? error.message : 'Bad request'
      return { status, errors: [{ code: CODE_BY_STATUS[status], message }] }
    }
    if (status >= 400 && status < 500) {
      return { status: 400, errors: [{ code: 'E_BAD_REQUEST', message: 'Bad request' }] }
    }

    const message =
      this.debug && error instanceof Error ? error.message : 'Something went wrong on our side'
    return { status: 500, errors: [{ code: 'E_INTERNAL', message }] }
  }

  /**
   * PostgreSQL or Redis is down, restarting or out of connections: the request may well
   * succeed in a moment, so it is a 503 (still reported), not a 500.
   */
  #isOutage(error: unknown): boolean {
    if (!(error instanceof Error)) return false
    const code = this.#codeOf(error)
    if (code && OUTAGE_SOCKET_CODES.has(code)) return true
    // SQLSTATE: connection exceptions (08…), too many connections, server shutting down.
    if (code && (/^08/.test(code) || code === '53300' || /^57P0[123]$/.test(code))) return true
    // ioredis gave up on a command while disconnected; knex waited in vain for a connection.
    if (error.name === 'MaxRetriesPerRequestError' || error.name === 'KnexTimeoutError') {
      return true
    }
    return error.message === 'Connection is closed.'
  }

  #statusOf(error: unknown): number {
    const status = (error as { status?: unknown } | null)?.status
    return typeof status === 'number' ? status : 500
  }

  #codeOf(error: unknown): string | undefined {
    const code = (error as { code?: unknown } | null)?.code
    return typeof code === 'string' ? code : undefined
  }
}
