import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import redis from '@adonisjs/redis/services/main'
import Anime from '#models/anime'
import TrendingService from '#services/trending_service'
import { animeIdOf, seedCatalog } from '#tests/helpers/catalog'
import { expectStatus } from '#tests/helpers/http'

/** Views reach Redis within the view counter's 250 ms batching window. */
async function waitForViews(animeId: number, views: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const counted = await redis.hget('trending:pending_views', String(animeId))
    if (Number(counted) >= views) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('views were not counted')
}

test.group('Trending', (group) => {
  group.each.setup(seedCatalog)

  test('answers AnimeCards and computedAt; limit is 1–50', async ({ client, assert }) => {
    const response = await client.get('/api/v1/anime/trending').qs({ limit: 5 })
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 5)
    assert.isString(response.body().computedAt)
    await expectStatus(client.get('/api/v1/anime/trending').qs({ limit: 51 }), 422)
    await expectStatus(client.get('/api/v1/anime/trending').qs({ limit: 0 }), 422)
    const byDefault = await client.get('/api/v1/anime/trending')
    assert.lengthOf(byDefault.body().data, 20)
  })

  test('with no activity the order is popularity', async ({ client, assert }) => {
    await Anime.query().where('title', 'Oshi no Ko').update({ popularity: 50 })
    await Anime.query().where('title', 'Naruto').update({ popularity: 40 })
    const response = await client.get('/api/v1/anime/trending').qs({ limit: 2 })
    assert.deepEqual(
      response.body().data.map((anime: { title: string }) => anime.title),
      ['Oshi no Ko', 'Naruto']
    )
  })

  test('views are counted in Redis, flushed in batches and move a title up', async ({
    client,
    assert,
  }) => {
    const trending = await app.container.make(TrendingService)
    const id = await animeIdOf('Tian Guan Ci Fu')
    for (let view = 0; view < 3; view++) await expectStatus(client.get(`/api/v1/anime/${id}`), 200)
    await waitForViews(id, 3)
    const beforeFlush = await Anime.findOrFail(id)
    assert.equal(beforeFlush.viewCount, 0)

    assert.isTrue(await trending.recompute())
    const anime = await Anime.findOrFail(id)
    assert.equal(anime.viewCount, 3)
    assert.isAbove(anime.trendingScore, 0)
    assert.isNull(await redis.hget('trending:pending_views', String(id)))

    const response = await client.get('/api/v1/anime/trending').qs({ limit: 1 })
    assert.equal(response.body().data[0].title, 'Tian Guan Ci Fu')
  })

  test('a recomputation counts the views this instance has not sent to Redis yet', async ({
    client,
    assert,
  }) => {
    const trending = await app.container.make(TrendingService)
    const id = await animeIdOf('Tian Guan Ci Fu')
    await expectStatus(client.get(`/api/v1/anime/${id}`), 200)
    await expectStatus(client.get(`/api/v1/anime/${id}`), 200)

    assert.isTrue(await trending.recompute())
    const anime = await Anime.findOrFail(id)
    assert.equal(anime.viewCount, 2)
  })

  test('list activity weighs more than views', async ({ client, assert }) => {
    const trending = await app.container.make(TrendingService)
    const viewed = await animeIdOf('Naruto')
    const listed = await animeIdOf('Oshi no Ko')
    for (let view = 0; view < 3; view++)
      await expectStatus(client.get(`/api/v1/anime/${viewed}`), 200)
    await waitForViews(viewed, 3)
    await trending.recordActivity(listed)
    await trending.recompute()
    const response = await client.get('/api/v1/anime/trending').qs({ limit: 2 })
    assert.deepEqual(
      response.body().data.map((anime: { title: string }) => anime.title),
      ['Oshi no Ko', 'Naruto']
    )
  })

  test('one instance at a time recomputes (Redis lock)', async ({ assert }) => {
    const trending = await app.container.make(TrendingService)
    const results = await Promise.all([trending.recompute(), trending.recompute()])
    assert.sameMembers(results, [true, false])
  })
})
