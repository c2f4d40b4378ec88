import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import CatalogReader, { CatalogSourceError, detectFormat } from '#services/catalog_reader'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/catalog/${name}`, import.meta.url))

async function readAll(location: string) {
  const catalog = await new CatalogReader().open(location)
  const records = []
  for await (const record of catalog.records) records.push(record)
  return { format: catalog.format, records, bytesRead: catalog.bytesRead() }
}

test.group('Catalog reader', () => {
  test('tells the JSON document, JSON Lines and a bare array apart by their first bytes', ({
    assert,
  }) => {
    assert.equal(detectFormat(Buffer.from('{"$schema":"x","data":[{"title":"A"}]}')), 'document')
    assert.equal(detectFormat(Buffer.from('{\n  "$schema": "x",\n  "data": [\n')), 'document')
    assert.equal(detectFormat(Buffer.from('{"$schema":"x","data":[]}\n')), 'document')
    assert.equal(detectFormat(Buffer.from('{"$schema":"x"}\n{"title":"A"}\n')), 'jsonl')
    assert.equal(detectFormat(Buffer.from('\uFEFF  [{"title":"A"}]')), 'array')
    assert.equal(detectFormat(Buffer.from('{"$schema":"x"'), 'catalog.jsonl'), 'jsonl')
    assert.isNull(detectFormat(Buffer.from('<html>')))
    assert.isNull(detectFormat(Buffer.from('   ')))
  })

  test('streams the same entries from the JSON document and from JSON Lines', async ({
    assert,
  }) => {
    const document = await readAll(fixture('catalog.json'))
    const lines = await readAll(fixture('catalog.jsonl'))

    assert.equal(document.format, 'document')
    assert.equal(lines.format, 'jsonl')
    assert.lengthOf(document.records, 32)
    assert.deepEqual(lines.records, document.records)
    assert.deepEqual(
      document.records.map((record) => record.index),
      [...Array(32).keys()]
    )
  })

  test('reads gzip-compressed data', async ({ assert, cleanup }) => {
    const directory = await mkdtemp(join(tmpdir(), 'catalog-'))
    cleanup(() => rm(directory, { recursive: true, force: true }))
    const path = join(directory, 'catalog.jsonl.gz')
    await writeFile(path, gzipSync(await readFile(fixture('catalog.jsonl'))))

    const { format, records } = await readAll(path)
    assert.equal(format, 'jsonl')
    assert.lengthOf(records, 32)
  })

  test('reads from an http URL and fails with a source error on an HTTP error', async ({
    assert,
    cleanup,
  }) => {
    const body = await readFile(fixture('catalog.json'))
    const server = createServer((request, response) => {
      if (request.url === '/catalog.json') response.end(body)
      else response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const { records, bytesRead } = await readAll(`${base}/catalog.json`)
    assert.lengthOf(records, 32)
    assert.equal(bytesRead, body.length)
    await assert.rejects(() => readAll(`${base}/missing.json`), CatalogSourceError)
  })

  test('a missing file or a file that is not JSON is a source error', async ({
    assert,
    cleanup,
  }) => {
    await assert.rejects(() => readAll(fixture('nope.json')), CatalogSourceError)

    const directory = await mkdtemp(join(tmpdir(), 'catalog-'))
    cleanup(() => rm(directory, { recursive: true, force: true }))
    const path = join(directory, 'catalog.json')
    await writeFile(path, '<html>not json</html>')
    await assert.rejects(() => readAll(path), CatalogSourceError)
  })

  test('JSON without anime entries is a source error', async ({ assert, cleanup }) => {
    const directory = await mkdtemp(join(tmpdir(), 'catalog-'))
    cleanup(() => rm(directory, { recursive: true, force: true }))
    const document = join(directory, 'package.json')
    await writeFile(document, '{\n  "name": "not-a-catalog"\n}\n')
    await assert.rejects(() => readAll(document), /no "data" entries/)
    const lines = join(directory, 'metadata-only.jsonl')
    await writeFile(lines, '{"$schema":"x","lastUpdate":"2026-12-04"}\n')
    await assert.rejects(() => readAll(lines), /no anime entries/)
  })

  test('a JSON line that does not parse is a record with an error, not the end of the run', async ({
    assert,
    cleanup,
  }) => {
    const directory = await mkdtemp(join(tmpdir(), 'catalog-'))
    cleanup(() => rm(directory, { recursive: true, force: true }))
    const path = join(directory, 'catalog.jsonl')
    await writeFile(
      path,
      '{"$schema":"x"}\n{"title":"A","sources":[]}\n{oops\n\n{"title":"B","sources":[]}'
    )

    const { records } = await readAll(path)
    assert.lengthOf(records, 3)
    assert.deepEqual(records[0], { index: 0, value: { title: 'A', sources: [] } })
    assert.equal(records[1].index, 1)
    assert.match('error' in records[1] ? records[1].error : '', /line 3 is not JSON/)
    assert.deepEqual(records[2], { index: 2, value: { title: 'B', sources: [] } })
  })
})
