import { Exception } from '@adonisjs/core/exceptions'

export type ErrorCode =
  | 'E_VALIDATION'
  | 'E_BAD_REQUEST'
  | 'E_UNAUTHORIZED'
  | 'E_INVALID_CREDENTIALS'
  | 'E_EMAIL_NOT_VERIFIED'
  | 'E_FORBIDDEN'
  | 'E_NOT_FOUND'
  | 'E_CONFLICT'
  | 'E_VERSION_CONFLICT'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_ACCOUNT_LOCKED'
  | 'E_TOO_MANY_REQUESTS'
  | 'E_SERVICE_UNAVAILABLE'
  | 'E_INTERNAL'

const STATUS: Record<ErrorCode, number> = {
  E_VALIDATION: 422,
  E_BAD_REQUEST: 400,
  E_UNAUTHORIZED: 401,
  E_INVALID_CREDENTIALS: 401,
  E_EMAIL_NOT_VERIFIED: 403,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_VERSION_CONFLICT: 409,
  E_PAYLOAD_TOO_LARGE: 413,
  E_ACCOUNT_LOCKED: 423,
  E_TOO_MANY_REQUESTS: 429,
  E_SERVICE_UNAVAILABLE: 503,
  E_INTERNAL: 500,
}

/**
 * An error of the API contract: its code fixes the HTTP status. Services throw it;
 * the exception handler renders it in the `{ errors }` envelope.
 */
export default class ApiException extends Exception {
  declare code: ErrorCode
  readonly field?: string
  readonly rule?: string
  readonly headers: Record<string, string | number>

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; rule?: string; headers?: Record<string, string | number> } = {}
  ) {
    super(message, { code, status: STATUS[code] })
    this.field = options.field
    this.rule = options.rule
    this.headers = options.headers ?? {}
  }

  static notFound(message = 'Resource not found') {
    return new ApiException('E_NOT_FOUND', message)
  }

  static forbidden(message = 'You are not allowed to do this') {
    return new ApiException('E_FORBIDDEN', message)
  }

  static badRequest(message: string) {
    return new ApiException('E_BAD_REQUEST', message)
  }

  /** A 422 on one field, shaped like a VineJS failure. */
  static invalidField(field: string, rule: string, message: string) {
    return new ApiException('E_VALIDATION', message, { field, rule })
  }
}
