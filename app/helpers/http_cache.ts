import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { COUNTER_FIELDS } from '#transformers/anime_transformer'

const COUNTERS = new Set<string>(COUNTER_FIELDS)

/** An answer with its weak ETag, computed once when the answer is built (and cached). */
export type Tagged<T> = { etag: string; body: T }

/** The body without counters: they may be stale and must not change the tag (rule 10). */
function withoutCounters(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCounters)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !COUNTERS.has(key))
        .map(([key, item]) => [key, withoutCounters(item)])
    )
  }
  return value
}

/** Tags an answer with a weak ETag that follows its content, counters aside. */
export function tagged<T>(body: T): Tagged<T> {
  const digest = createHash('sha1')
    .update(JSON.stringify(withoutCounters(body)))
    .digest('base64url')
  return { etag: `W/"${digest}"`, body }
}

/**
 * Answers a public catalog GET with `Cache-Control` and its weak `ETag`; `If-None-Match`
 * with the current tag answers 304 without a body.
 */
export function cacheable<T>(ctx: HttpContext, answer: Tagged<T>, maxAgeSeconds: number) {
  const scope = ctx.auth.user ? 'private' : 'public'
  ctx.response.header('ETag', answer.etag)
  ctx.response.header('Cache-Control', `${scope}, max-age=${maxAgeSeconds}`)
  ctx.response.append('Vary', 'Authorization')

  const given = ctx.request.header('if-none-match')
  if (
    given &&
    (given.trim() === '*' || given.split(',').some((tag) => tag.trim() === answer.etag))
  ) {
    return ctx.response.notModified()
  }
  return answer.body
}
