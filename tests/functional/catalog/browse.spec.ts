import { test } from '@japa/runner'
import { seedCatalog } from '#tests/helpers/catalog'
import { signedInUser } from '#tests/helpers/accounts'
import User from '#models/user'
import { DEFAULT_PREFERENCES } from '#models/user'
import { ANIME_FIELDS } from '#validators/anime'

type Card = Record<string, any>
const titles = (body: { data: Card[] }) => body.data.map((anime) => anime.title)

test.group('Browse the catalog', (group) => {
  group.each.setup(seedCatalog)

  test('answers AnimeCards, paginated, most popular first by default', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/anime').qs({ perPage: 5 })
    response.assertStatus(200)
    const { data, meta } = response.body()
    assert.lengthOf(data, 5)
    assert.deepEqual(meta, { total: 30, perPage: 5, currentPage: 1, lastPage: 6 })
    assert.sameMembers(Object.keys(data[0]), [
      'id',
      'slug',
      'title',
      'titleEnglish',
      'type',
      'status',
      'episodes',
      'season',
      'year',
      'coverImage',
      'thumbnailImage',
      'genres',
      'averageScore',
      'scoreCount',
      'popularity',
    ])
  })

  test('later pages continue the same order, with genres; past the last page is empty', async ({
    client,
    assert,
  }) => {
    const whole = await client.get('/api/v1/anime').qs({ sort: 'title', perPage: 30 })
    const pages: Card[] = []
    for (let page = 1; page <= 6; page++) {
      const response = await client.get('/api/v1/anime').qs({ sort: 'title', perPage: 5, page })
      assert.equal(response.body().meta.currentPage, page)
      pages.push(...response.body().data)
    }
    assert.deepEqual(pages, whole.body().data)
    assert.isTrue(pages.some((anime) => anime.genres.length > 0))

    const beyond = await client.get('/api/v1/anime').qs({ perPage: 5, page: 7 })
    beyond.assertStatus(200)
    assert.deepEqual(beyond.body(), {
      data: [],
      meta: { total: 30, perPage: 5, currentPage: 7, lastPage: 6 },
    })
  })

  test('filters by type, status, year and season', async ({ client, assert }) => {
    const movies = await client.get('/api/v1/anime').qs({ type: 'MOVIE', perPage: 100 })
    assert.sameMembers(titles(movies.body()), [
      'Kimi no Na wa.',
      'Koe no Katachi',
      'Sen to Chihiro no Kamikakushi',
    ])
    const ongoing = await client.get('/api/v1/anime').qs({ status: 'ONGOING' })
    assert.deepEqual(titles(ongoing.body()), ['One Piece'])
    const spring2016 = await client
      .get('/api/v1/anime')
      .qs({ year: 2016, season: 'spring', perPage: 100 })
    assert.sameMembers(titles(spring2016.body()), [
      'Boku no Hero Academia',
      'JoJo no Kimyou na Bouken: Diamond wa Kudakenai',
      'Koutetsujou no Kabaneri',
      'Re:Zero kara Hajimeru Break Time',
      'Re:Zero kara Hajimeru Isekai Seikatsu',
    ])
  })

  test('genres: every listed genre must match', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/anime')
      .qs({ genres: 'sci-fi,thriller', perPage: 100 })
    assert.deepEqual(titles(response.body()), ['Steins;Gate'])
    const unknown = await client.get('/api/v1/anime').qs({ genres: 'action,no-such-genre' })
    assert.lengthOf(unknown.body().data, 0)
  })

  test('sort=title orders by title; order=desc flips it', async ({ client, assert }) => {
    const ascending = await client.get('/api/v1/anime').qs({ sort: 'title', perPage: 3 })
    assert.deepEqual(titles(ascending.body()), [
      'B: The Beginning',
      'BEASTARS',
      'Boku no Hero Academia',
    ])
    const descending = await client
      .get('/api/v1/anime')
      .qs({ sort: 'title', order: 'desc', perPage: 2 })
    assert.deepEqual(titles(descending.body()), ['Tian Guan Ci Fu', 'Steins;Gate'])
  })

  test('sort=newest puts the latest start first and unknown dates last', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/anime').qs({ sort: 'newest', perPage: 100 })
    const list = titles(response.body())
    assert.equal(list[0], 'Dandadan')
    assert.equal(list.at(-1), 'Kaijuu 8-gou 3rd Season')
    const years = response
      .body()
      .data.map((anime: Card) => anime.year)
      .filter(Boolean)
    assert.deepEqual(
      years,
      [...years].sort((a: number, b: number) => b - a)
    )
  })

  test('sort=year and sort=score answer 200 with every title', async ({ client, assert }) => {
    for (const sort of ['year', 'score', 'trending', 'popularity']) {
      const response = await client.get('/api/v1/anime').qs({ sort, perPage: 100 })
      response.assertStatus(200)
      assert.lengthOf(response.body().data, 30, sort)
    }
  })

  test('fields picks Anime fields; an unknown name answers 422', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/anime')
      .qs({ fields: 'id,title,synonyms,externalIds', perPage: 1 })
    response.assertStatus(200)
    assert.sameMembers(Object.keys(response.body().data[0]), [
      'id',
      'title',
      'synonyms',
      'externalIds',
    ])

    // Lists read only the columns they show: each field still answers what the detail says.
    const everything = await client
      .get('/api/v1/anime')
      .qs({ q: 'shingeki no kyojin', fields: ANIME_FIELDS.join(','), perPage: 1 })
    const [listed] = everything.body().data
    const detail = await client.get(`/api/v1/anime/${listed.id}`)
    assert.deepEqual(listed, detail.body().data)
    assert.isNotEmpty(listed.relations)
    assert.isNotEmpty(listed.genres)

    const unknown = await client.get('/api/v1/anime').qs({ fields: 'id,password' })
    unknown.assertStatus(422)
    assert.deepInclude(unknown.body().errors[0], { field: 'fields', code: 'E_VALIDATION' })
  })

  test('values outside their allow-list or range answer 422, nothing is clamped', async ({
    client,
  }) => {
    for (const qs of [
      { perPage: 0 },
      { perPage: 101 },
      { page: 'abc' },
      { sort: 'bogus' },
      { order: 'sideways' },
      { season: 'monsoon' },
      { type: 'CARTOON' },
      { status: 'finished' },
      { year: 'soon' },
      { genres: 'Not A Slug!' },
    ]) {
      const response = await client.get('/api/v1/anime').qs(qs)
      response.assertStatus(422)
    }
  })
})

test.group('Adult titles', (group) => {
  group.each.setup(seedCatalog)

  test('are hidden from anonymous callers and users who did not opt in', async ({
    client,
    assert,
  }) => {
    const anonymous = await client.get('/api/v1/anime').qs({ perPage: 100 })
    assert.notInclude(titles(anonymous.body()), 'A Kite')
    const { token } = await signedInUser()
    const user = await client.get('/api/v1/anime').qs({ perPage: 100 }).bearerToken(token)
    assert.notInclude(titles(user.body()), 'A Kite')
    const kite = await client.get('/api/v1/anime/a-kite')
    kite.assertStatus(404)
  })

  test('are shown to a user whose showAdult is true', async ({ client, assert }) => {
    const { user, token } = await signedInUser()
    await User.query()
      .where('id', user.id)
      .update({ preferences: JSON.stringify({ ...DEFAULT_PREFERENCES, showAdult: true }) })
    const response = await client.get('/api/v1/anime').qs({ perPage: 100 }).bearerToken(token)
    assert.include(titles(response.body()), 'A Kite')
    assert.equal(response.body().meta.total, 32)
    const kite = await client.get('/api/v1/anime/a-kite').bearerToken(token)
    kite.assertStatus(200)
  })
})
