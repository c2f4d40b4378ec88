import { test } from '@japa/runner'
import { animeIdOf, seedCatalog } from '#tests/helpers/catalog'

test.group('Anime detail', (group) => {
  group.each.setup(seedCatalog)

  test('by id and by slug answer the full Anime resource', async ({ client, assert }) => {
    const id = await animeIdOf('Shingeki no Kyojin')
    const byId = await client.get(`/api/v1/anime/${id}`)
    byId.assertStatus(200)
    const anime = byId.body().data
    assert.equal(anime.title, 'Shingeki no Kyojin')
    assert.equal(anime.startDate, '2013-04-01')
    assert.isNumber(anime.externalIds.myanimelist)
    assert.isArray(anime.relations)

    const bySlug = await client.get(`/api/v1/anime/${anime.slug}`)
    bySlug.assertStatus(200)
    assert.equal(bySlug.body().data.id, id)
  })

  test('relations link to the related anime', async ({ client, assert }) => {
    const id = await animeIdOf('Shingeki no Kyojin')
    const response = await client.get(`/api/v1/anime/${id}`)
    const related = response.body().data.relations.map((item: { title: string }) => item.title)
    assert.include(related, 'Shingeki no Kyojin Season 2')
  })

  test('an unknown id or slug is a 404', async ({ client }) => {
    const byId = await client.get('/api/v1/anime/999999')
    byId.assertStatus(404)
    byId.assertBodyContains({ errors: [{ code: 'E_NOT_FOUND' }] })
    const bySlug = await client.get('/api/v1/anime/no-such-anime')
    bySlug.assertStatus(404)
  })

  test('carries Cache-Control and a weak ETag; If-None-Match answers 304', async ({
    client,
    assert,
  }) => {
    const id = await animeIdOf('Cowboy Bebop')
    const first = await client.get(`/api/v1/anime/${id}`)
    const etag = first.header('etag')
    assert.match(etag ?? '', /^W\/"[\w-]+"$/)
    assert.match(first.header('cache-control') ?? '', /max-age=\d+/)

    const again = await client.get(`/api/v1/anime/${id}`).header('if-none-match', etag!)
    again.assertStatus(304)
    assert.equal(again.text(), '')

    const stale = await client.get(`/api/v1/anime/${id}`).header('if-none-match', 'W/"old"')
    stale.assertStatus(200)
  })

  test('browse pages carry an ETag too', async ({ client }) => {
    const first = await client.get('/api/v1/anime')
    const again = await client.get('/api/v1/anime').header('if-none-match', first.header('etag')!)
    again.assertStatus(304)
  })
})

test.group('Seasons', (group) => {
  group.each.setup(seedCatalog)

  test('lists the anime of a season, the season case-insensitive', async ({ client, assert }) => {
    const response = await client.get('/api/v1/anime/seasons/2019/Fall').qs({ sort: 'title' })
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((anime: { title: string }) => anime.title),
      [
        'BEASTARS',
        'Boku no Hero Academia 4th Season',
        'Honzuki no Gekokujou: Shisho ni Naru Tame ni wa Shudan wo Erandeiraremasen',
      ]
    )
    assert.isTrue(
      response.body().data.every((anime: { season: string }) => anime.season === 'FALL')
    )
  })

  test('a season that cannot exist is a 404; bad query values a 422', async ({ client }) => {
    const monsoon = await client.get('/api/v1/anime/seasons/2020/monsoon')
    monsoon.assertStatus(404)
    const notAYear = await client.get('/api/v1/anime/seasons/twenty/spring')
    notAYear.assertStatus(404)
    const badSort = await client.get('/api/v1/anime/seasons/2020/spring').qs({ sort: 'bogus' })
    badSort.assertStatus(422)
  })
})

test.group('Genres', (group) => {
  group.each.setup(seedCatalog)

  test('lists genres with their count of non-adult titles', async ({ client, assert }) => {
    const response = await client.get('/api/v1/genres')
    response.assertStatus(200)
    const genres = response.body().data as { slug: string; animeCount: number; name: string }[]
    const police = genres.find((genre) => genre.slug === 'police')!
    // "B: The Beginning" is police; "A Kite" is police too, but adult.
    assert.equal(police.animeCount, 1)
    assert.equal(genres.find((genre) => genre.slug === 'slice-of-life')?.name, 'Slice of Life')
    assert.notInclude(
      genres.map((genre) => genre.slug),
      'hentai'
    )
  })
})
