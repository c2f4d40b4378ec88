import type { HttpContext } from '@adonisjs/core/http'

/** Who made a request, as written to sessions and the security log. */
export type ClientInfo = { ip: string | null; userAgent: string | null }

export function clientInfo({ request }: HttpContext): ClientInfo {
  return {
    ip: request.ip() ?? null,
    userAgent: request.header('user-agent')?.slice(0, 512) ?? null,
  }
}
