import { promisify } from 'node:util'
import { brotliCompress, gzip, constants } from 'node:zlib'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Smaller bodies gain less from compression than the headers and CPU it costs. */
const MIN_SIZE = 1024

/**
 * Compresses JSON bodies over 1 KiB with brotli or gzip, as `Accept-Encoding` allows.
 * Runs after the handler has set the body, before the framework writes it.
 */
export default class CompressionMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    await next()

    const json = this.#json(response)
    if (json === null || request.method() === 'HEAD') return

    response.append('Vary', 'Accept-Encoding')
    const encoding = request.encoding(['br', 'gzip', 'identity'])
    if (encoding !== 'br' && encoding !== 'gzip') return

    const text = json()
    const size = Buffer.byteLength(text)
    if (size < MIN_SIZE) return

    const compressed =
      encoding === 'br'
        ? await brotli(text, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 4,
              [constants.BROTLI_PARAM_SIZE_HINT]: size,
            },
          })
        : await gzipAsync(text, { level: 6 })

    response.header('Content-Encoding', encoding)
    response.header('Content-Type', 'application/json; charset=utf-8')
    response.send(compressed)
  }

  /**
   * The JSON the response will carry, produced only when needed: an object body, or a string
   * already serialized (cached catalog answers). Null for anything else.
   */
  #json(response: HttpContext['response']): (() => string) | null {
    if (response.getHeader('Content-Encoding')) return null
    const body = response.getBody()
    if (typeof body === 'string') {
      const type = String(response.getHeader('Content-Type') ?? '')
      return type.startsWith('application/json') ? () => body : null
    }
    if (body === null || body === undefined || typeof body !== 'object') return null
    if (body instanceof Uint8Array) return null
    return () => JSON.stringify(body)
  }
}
