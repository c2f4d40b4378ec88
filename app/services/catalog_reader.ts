import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, resolve } from 'node:path'
import { Readable, Transform, pipeline, type Duplex } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'

/*
| `stream-json` is CommonJS without type declarations; these are the three factories we use.
*/
const require = createRequire(import.meta.url)
const { parser } = require('stream-json') as { parser: (options?: object) => Duplex }
const { pick } = require('stream-json/filters/Pick') as {
  pick: (options: { filter: string }) => Duplex
}
const { streamArray } = require('stream-json/streamers/StreamArray') as {
  streamArray: () => Duplex
}

/** How much of the start of a source is read to tell its format. */
const SNIFF_BYTES = 64 * 1024

/** A source that cannot be opened or read (missing file, HTTP error, not JSON). */
export class CatalogSourceError extends Error {}

/** One element of the data, by its 0-based position in `data` (or among the JSON lines). */
export type CatalogRecord = { index: number; value: unknown } | { index: number; error: string }

/**
 * - `document`: `{ ..., "data": [ ...entries ] }` (anime-offline-database JSON)
 * - `jsonl`: JSON Lines, a metadata object on the first line, then one entry per line
 * - `array`: a bare JSON array of entries
 */
export type CatalogFormat = 'document' | 'jsonl' | 'array'

export type OpenedCatalog = {
  format: CatalogFormat
  /** Size of the source in bytes, when known (file size, Content-Length). */
  totalBytes: number | null
  /** Bytes of the source read so far (before decompression), for progress. */
  bytesRead: () => number
  records: AsyncGenerator<CatalogRecord>
}

/**
 * Opens anime-offline-database data from a file path or an http(s) URL and streams its entries
 * one at a time, whatever the size: the JSON document through `stream-json`, JSON Lines line by
 * line. gzip-compressed sources are unpacked on the fly. The format is sniffed from the content
 * (the extension only settles a first line longer than 64 KiB). A source that is not JSON, or
 * holds no entry at all, fails with a `CatalogSourceError`.
 */
export default class CatalogReader {
  async open(location: string): Promise<OpenedCatalog> {
    const { stream, totalBytes, name } = /^https?:\/\//i.test(location)
      ? await this.#openUrl(location)
      : await this.#openFile(location)

    let bytesRead = 0
    const counted = stream.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytesRead += chunk.length
          callback(null, chunk)
        },
      })
    )
    stream.once('error', (error: Error) => counted.destroy(error))

    let { head, body } = await sniff(counted, location)
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const gunzip = pipeline(body, createGunzip(), () => {})
      ;({ head, body } = await sniff(gunzip, location))
    }

    const format = detectFormat(head, name)
    if (!format) {
      body.destroy()
      throw new CatalogSourceError(`${location} is not anime-offline-database JSON or JSON Lines`)
    }

    const records = format === 'jsonl' ? readJsonLines(body) : readJsonArray(body, format)
    return { format, totalBytes, bytesRead: () => bytesRead, records }
  }

  async #openFile(location: string) {
    const path = resolve(location)
    try {
      const info = await stat(path)
      if (!info.isFile()) throw new CatalogSourceError(`${location} is not a file`)
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 })
      await new Promise<void>((resolveOpen, rejectOpen) => {
        stream.once('open', () => resolveOpen())
        stream.once('error', rejectOpen)
      })
      return { stream, totalBytes: info.size, name: path }
    } catch (error) {
      if (error instanceof CatalogSourceError) throw error
      throw new CatalogSourceError(`Cannot read ${location}: ${(error as Error).message}`)
    }
  }

  async #openUrl(location: string) {
    let response: Response
    try {
      response = await fetch(location, { redirect: 'follow' })
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause
      throw new CatalogSourceError(
        `Cannot fetch ${location}: ${cause?.message ?? (error as Error).message}`
      )
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      throw new CatalogSourceError(`Cannot fetch ${location}: HTTP ${response.status}`)
    }
    // fetch inflates a Content-Encoding body itself; its Content-Length is then the packed size.
    const length = Number(response.headers.get('content-length'))
    const totalBytes =
      !response.headers.get('content-encoding') && Number.isSafeInteger(length) && length > 0
        ? length
        : null
    const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
    return { stream, totalBytes, name: new URL(location).pathname }
  }
}

/**
 * Reads the first chunks of a stream (up to a newline past the first byte, or 64 KiB) and
 * returns them with a stream that replays them followed by the rest.
 */
async function sniff(stream: Readable, location: string) {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let head = Buffer.alloc(0)
  try {
    while (head.length < SNIFF_BYTES && !hasFirstLine(head)) {
      const { value, done } = await iterator.next()
      if (done) break
      chunks.push(value)
      head = Buffer.concat([head, value])
    }
  } catch (error) {
    throw new CatalogSourceError(`Cannot read ${location}: ${(error as Error).message}`)
  }

  async function* replay() {
    yield* chunks
    chunks.length = 0
    while (true) {
      const { value, done } = await iterator.next()
      if (done) return
      yield value
    }
  }
  const body = Readable.from(replay(), { objectMode: false })
  body.once('close', () => stream.destroy())
  return { head, body }
}

/** Whether a newline follows the first non-blank byte. */
function hasFirstLine(head: Buffer) {
  const start = head.findIndex(
    (byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09
  )
  return start !== -1 && head.includes(0x0a, start)
}

/**
 * The format of a source from its first bytes: a JSON object on the first line without a
 * `data` array is JSON Lines; a `{` otherwise starts the document; `[` a bare array.
 */
export function detectFormat(head: Buffer, name = ''): CatalogFormat | null {
  const text = head.toString('utf8').replace(/^\uFEFF/, '')
  const start = text.search(/\S/)
  if (start === -1) return null
  if (text[start] === '[') return 'array'
  if (text[start] !== '{') return null

  const newline = text.indexOf('\n', start)
  if (newline === -1) {
    const extension = extname(name.replace(/\.gz$/i, '')).toLowerCase()
    return extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : 'document'
  }
  try {
    const first = JSON.parse(text.slice(start, newline))
    return Array.isArray(first?.data) ? 'document' : 'jsonl'
  } catch {
    return 'document'
  }
}

async function* readJsonArray(body: Readable, format: 'document' | 'array') {
  const stages: Duplex[] = [parser({ streamValues: false })]
  if (format === 'document') stages.push(pick({ filter: 'data' }))
  stages.push(streamArray())

  const output = pipeline([body, ...stages], () => {}) as unknown as Readable
  let count = 0
  try {
    for await (const item of output) {
      const { key, value } = item as { key: number; value: unknown }
      count += 1
      yield { index: key, value }
    }
  } catch (error) {
    throw new CatalogSourceError(`Cannot parse the JSON document: ${(error as Error).message}`)
  } finally {
    output.destroy()
  }
  if (count === 0) {
    throw new CatalogSourceError(
      format === 'document' ? 'The JSON document has no "data" entries' : 'The JSON array is empty'
    )
  }
}

/**
 * JSON Lines: the first line is the metadata object (no `sources`, no `title`) and is not an
 * entry; blank lines are ignored; a line that is not JSON is a record with an error.
 */
async function* readJsonLines(body: Readable): AsyncGenerator<CatalogRecord> {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let lineNumber = 0
  let index = 0

  function* parseLine(line: string): Generator<CatalogRecord> {
    lineNumber += 1
    const text = line.trim()
    if (!text) return
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      yield { index: index++, error: `line ${lineNumber} is not JSON: ${(error as Error).message}` }
      return
    }
    if (lineNumber === 1 && isMetadata(value)) return
    yield { index: index++, value }
  }

  try {
    for await (const chunk of body) {
      pending += decoder.write(chunk as Buffer)
      let start = 0
      let newline: number
      while ((newline = pending.indexOf('\n', start)) !== -1) {
        yield* parseLine(pending.slice(start, newline))
        start = newline + 1
      }
      pending = pending.slice(start)
    }
    pending += decoder.end()
    if (pending) yield* parseLine(pending)
  } finally {
    body.destroy()
  }
  if (index === 0) throw new CatalogSourceError('The JSON Lines hold no anime entries')
}

function isMetadata(value: unknown) {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !('sources' in value) &&
    !('title' in value)
  )
}
