import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { COUNTER_FIELDS } from '#transformers/anime_transformer'

const COUNTERS = new Set<string>(COUNTER_FIELDS)

/**
 * An answer serialized once, when it is built and cached, with its weak ETag: serving it
 * from the cache then costs neither JSON work nor hashing.
 */
export type Tagged = { etag: string; json: string }

/** Serializes an answer and tags it with a weak ETag that follows its content, counters aside. */
export function tagged(body: unknown): Tagged {
  // Counters may be stale and must not change the tag (rule 10): the replacer leaves them out.
  const content = JSON.stringify(body, (key, value) => (COUNTERS.has(key) ? undefined : value))
  const digest = createHash('sha1').update(content).digest('base64url')
  return { etag: `W/"${digest}"`, json: JSON.stringify(body) }
}

/**
 * Answers a public catalog GET with `Cache-Control` and its weak `ETag`; `If-None-Match`
 * with the current tag answers 304 without a body.
 */
export function cacheable(ctx: HttpContext, answer: Tagged, maxAgeSeconds: number) {
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
  ctx.response.header('Content-Type', 'application/json; charset=utf-8')
  return answer.json
}
