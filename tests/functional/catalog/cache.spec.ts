import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { AppProcess } from '#tests/helpers/app_process'
import { signedInUser } from '#tests/helpers/accounts'
import { animeIdOf, committedCatalog, seedCatalog } from '#tests/helpers/catalog'

/** Reads a counter of the Prometheus text for one label set. */
async function cacheHits(client: ApiClient) {
  const metrics = await client.get('/metrics')
  const line = metrics
    .text()
    .split('\n')
    .find((row) => row.startsWith('cache_requests_total{cache="anime:browse",result="hit"}'))
  return line ? Number(line.split(' ').at(-1)) : 0
}

test.group('Catalog cache', (group) => {
  group.each.setup(seedCatalog)

  test('a second identical request is served from the cache, as /metrics shows', async ({
    client,
    assert,
  }) => {
    const before = await cacheHits(client)
    await client.get('/api/v1/anime').qs({ sort: 'title', perPage: 7 })
    await client.get('/api/v1/anime').qs({ sort: 'title', perPage: 7 })
    const after = await cacheHits(client)
    assert.equal(after - before, 1)
  })

  test('searches are cached in this instance only: a repeat is a hit, Redis keeps none', async ({
    client,
    assert,
  }) => {
    const shared = async () => {
      const keys = await redis.keys('*anime:browse:*')
      return keys.length
    }
    const before = { hits: await cacheHits(client), shared: await shared() }
    await client.get('/api/v1/anime').qs({ q: 'steins gate' })
    await client.get('/api/v1/anime').qs({ q: 'steins gate' })
    assert.equal((await cacheHits(client)) - before.hits, 1)
    assert.equal(await shared(), before.shared)

    await client.get('/api/v1/anime').qs({ sort: 'title' })
    assert.equal(await shared(), before.shared + 1)
  })
})

test.group('Catalog cache across instances', () => {
  test('an admin update is visible on the next read on every instance', async ({
    client,
    assert,
    cleanup,
  }) => {
    await committedCatalog(cleanup)
    const { token } = await signedInUser({ role: 'admin' })
    const id = await animeIdOf('Steins;Gate')

    const second = await new AppProcess(3345).start()
    cleanup(() => second.stop())
    const titleEnglish = async () => {
      const response = await fetch(`${second.url}/api/v1/anime/${id}`)
      const body = (await response.json()) as { data: { titleEnglish: string | null } }
      return body.data.titleEnglish
    }
    const searched = async () => {
      const response = await fetch(`${second.url}/api/v1/anime?q=steins+gate&fields=titleEnglish`)
      const body = (await response.json()) as { data: { titleEnglish: string | null }[] }
      return body.data[0].titleEnglish
    }
    assert.isNull(await titleEnglish())
    assert.isNull(await titleEnglish())
    assert.isNull(await searched())
    assert.isNull(await searched())

    const update = await client
      .patch(`/api/v1/anime/${id}`)
      .bearerToken(token)
      .json({ titleEnglish: 'Steins;Gate (EN)' })
    update.assertStatus(200)

    assert.equal(await titleEnglish(), 'Steins;Gate (EN)')
    assert.equal(await searched(), 'Steins;Gate (EN)')
  }).timeout(60_000)
})

test.group('Prepared catalog reads', () => {
  test('a migration that changes a column type under a running instance does not break reads', async ({
    assert,
    cleanup,
  }) => {
    await committedCatalog(cleanup)
    cleanup(async () => {
      await db.rawQuery('alter table anime alter column episodes type integer')
    })
    // One connection: the second read meets the statement the first one prepared.
    const instance = await new AppProcess(3349, { DB_POOL_MAX: '1' }).start()
    cleanup(() => instance.stop())
    const page = async (perPage: number) => {
      const response = await fetch(`${instance.url}/api/v1/anime?perPage=${perPage}`)
      return {
        status: response.status,
        body: (await response.json()) as { data: { title: string }[] },
      }
    }

    const before = await page(3)
    assert.equal(before.status, 200)
    await db.rawQuery('alter table anime alter column episodes type bigint')
    const after = await page(4)
    assert.equal(after.status, 200)
    assert.deepEqual(
      after.body.data.slice(0, 3).map((anime) => anime.title),
      before.body.data.map((anime) => anime.title)
    )
  }).timeout(60_000)
})
