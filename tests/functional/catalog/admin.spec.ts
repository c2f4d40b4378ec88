import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedInUser } from '#tests/helpers/accounts'
import { animeIdOf, seedCatalog } from '#tests/helpers/catalog'
import { expectStatus } from '#tests/helpers/http'

const newAnime = {
  title: 'Chainsaw Man',
  type: 'TV',
  status: 'FINISHED',
  episodes: 12,
  season: 'FALL',
  year: 2022,
  startDate: '2022-10-12',
  synonyms: ['チェンソーマン'],
  genres: ['action', 'shounen'],
  tags: ['gore', 'devils'],
  externalIds: { myanimelist: 44511 },
}

test.group('Catalog administration', (group) => {
  group.each.setup(seedCatalog)

  test('anonymous writes answer 401, a user’s 403', async ({ client }) => {
    const id = await animeIdOf('Naruto')
    await expectStatus(client.post('/api/v1/anime').json(newAnime), 401)
    await expectStatus(client.patch(`/api/v1/anime/${id}`).json({ title: 'x' }), 401)
    await expectStatus(client.delete(`/api/v1/anime/${id}`), 401)
    await expectStatus(client.post('/api/v1/genres').json({ name: 'Isekai' }), 401)

    const { token } = await signedInUser()
    await expectStatus(client.post('/api/v1/anime').bearerToken(token).json(newAnime), 403)
    await expectStatus(
      client.patch(`/api/v1/anime/${id}`).bearerToken(token).json({ title: 'x' }),
      403
    )
    await expectStatus(client.delete(`/api/v1/anime/${id}`).bearerToken(token), 403)
    const { token: moderator } = await signedInUser({ role: 'moderator' })
    await expectStatus(
      client.post('/api/v1/genres').bearerToken(moderator).json({ name: 'Isekai' }),
      403
    )
  })

  test('an admin creates an anime: 201 with the Anime resource', async ({ client, assert }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const response = await client.post('/api/v1/anime').bearerToken(token).json(newAnime)
    response.assertStatus(201)
    const anime = response.body().data
    assert.equal(anime.slug, 'chainsaw-man')
    assert.equal(anime.startDate, '2022-10-12')
    assert.deepEqual(
      anime.genres.map((genre: { slug: string }) => genre.slug),
      ['action', 'shounen']
    )
    assert.equal(anime.externalIds.myanimelist, 44511)
    await expectStatus(client.get(`/api/v1/anime/${anime.id}`), 200)
  })

  test('creation rules: title required, slug unique, genres must exist', async ({
    client,
    assert,
  }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const noTitle = await client.post('/api/v1/anime').bearerToken(token).json({ type: 'TV' })
    noTitle.assertStatus(422)
    assert.deepInclude(noTitle.body().errors[0], { field: 'title', rule: 'required' })

    const takenSlug = await client
      .post('/api/v1/anime')
      .bearerToken(token)
      .json({ title: 'Another Naruto', slug: 'naruto' })
    takenSlug.assertStatus(422)
    assert.deepInclude(takenSlug.body().errors[0], { field: 'slug', rule: 'unique' })

    const digitsOnly = await client
      .post('/api/v1/anime')
      .bearerToken(token)
      .json({ title: '86', slug: '86' })
    digitsOnly.assertStatus(422)
    assert.deepInclude(digitsOnly.body().errors[0], { field: 'slug', rule: 'regex' })

    const badGenre = await client
      .post('/api/v1/anime')
      .bearerToken(token)
      .json({ title: 'Genre Test', genres: ['no-such-genre'] })
    badGenre.assertStatus(422)
    assert.deepInclude(badGenre.body().errors[0], { field: 'genres' })

    const badType = await client
      .post('/api/v1/anime')
      .bearerToken(token)
      .json({ title: 'Type Test', type: 'CARTOON', episodes: -1 })
    badType.assertStatus(422)

    // An id past 32 bits is no site's id, and past 2^53 it would not even survive JSON.
    const hugeId = await client
      .post('/api/v1/anime')
      .bearerToken(token)
      .json({ title: 'Id Test', externalIds: { myanimelist: 1e30 } })
    hugeId.assertStatus(422)
    assert.deepInclude(hugeId.body().errors[0], { field: 'externalIds.myanimelist', rule: 'max' })
  })

  test('an admin update is visible on the next read', async ({ client, assert }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const id = await animeIdOf('Cowboy Bebop')
    const before = await client.get(`/api/v1/anime/${id}`)
    const browseBefore = await client.get('/api/v1/anime').qs({ q: 'cowboy bebop' })
    assert.equal(browseBefore.body().data[0].titleEnglish, null)

    const response = await client.patch(`/api/v1/anime/${id}`).bearerToken(token).json({
      titleEnglish: 'Cowboy Bebop (English)',
      bannerImage: 'https://img.example/bebop.png',
    })
    response.assertStatus(200)
    assert.equal(response.body().data.bannerImage, 'https://img.example/bebop.png')

    const after = await client.get(`/api/v1/anime/${id}`)
    assert.equal(after.body().data.titleEnglish, 'Cowboy Bebop (English)')
    assert.notEqual(after.header('etag'), before.header('etag'))
    const browseAfter = await client.get('/api/v1/anime').qs({ q: 'cowboy bebop' })
    assert.equal(browseAfter.body().data[0].titleEnglish, 'Cowboy Bebop (English)')
  })

  test('changing an anime’s genres or deleting a genre reaches the genre filter at once', async ({
    client,
    assert,
  }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const id = await animeIdOf('Cowboy Bebop')
    const filtered = async (genres: string) => {
      const response = await client.get('/api/v1/anime').qs({ genres, perPage: 100 })
      return response.body().data.map((anime: { id: number }) => anime.id)
    }
    assert.notInclude(await filtered('romance'), id)

    const genre = await client.post('/api/v1/genres').bearerToken(token).json({ name: 'Jazz Noir' })
    const edited = await client
      .patch(`/api/v1/anime/${id}`)
      .bearerToken(token)
      .json({ genres: ['romance', 'jazz-noir'] })
    edited.assertStatus(200)
    assert.deepEqual(
      edited.body().data.genres.map((item: { slug: string }) => item.slug),
      ['jazz-noir', 'romance']
    )
    assert.include(await filtered('romance'), id)
    assert.deepEqual(await filtered('romance,jazz-noir'), [id])
    assert.notInclude(await filtered('action'), id)

    await expectStatus(
      client.delete(`/api/v1/genres/${genre.body().data.id}`).bearerToken(token),
      204
    )
    assert.deepEqual(await filtered('jazz-noir'), [])
    assert.include(await filtered('romance'), id)
    const detail = await client.get(`/api/v1/anime/${id}`)
    assert.deepEqual(
      detail.body().data.genres.map((item: { slug: string }) => item.slug),
      ['romance']
    )
    const [row] = await db.from('anime').where('id', id).select('genre_ids')
    assert.lengthOf(row.genre_ids, 1)
  })

  test('PATCH and DELETE of an unknown or non-numeric id answer 404', async ({ client }) => {
    const { token } = await signedInUser({ role: 'admin' })
    await expectStatus(
      client.patch('/api/v1/anime/999999').bearerToken(token).json({ title: 'x' }),
      404
    )
    await expectStatus(
      client.patch('/api/v1/anime/naruto').bearerToken(token).json({ title: 'x' }),
      404
    )
    await expectStatus(client.delete('/api/v1/anime/999999').bearerToken(token), 404)
  })

  test('an admin deletes an anime: 204, then 404', async ({ client, assert }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const id = await animeIdOf('Naruto')
    await expectStatus(client.get(`/api/v1/anime/${id}`), 200)
    await expectStatus(client.delete(`/api/v1/anime/${id}`).bearerToken(token), 204)
    await expectStatus(client.get(`/api/v1/anime/${id}`), 404)
    assert.notExists(await db.from('anime_genres').where('anime_id', id).first())
  })

  test('an admin creates, renames and deletes a genre', async ({ client, assert }) => {
    const { token } = await signedInUser({ role: 'admin' })
    const created = await client.post('/api/v1/genres').bearerToken(token).json({ name: 'Isekai' })
    created.assertStatus(201)
    assert.deepInclude(created.body().data, { slug: 'isekai', name: 'Isekai', animeCount: 0 })
    const id = created.body().data.id

    const listed = await client.get('/api/v1/genres')
    assert.include(
      listed.body().data.map((genre: { slug: string }) => genre.slug),
      'isekai'
    )

    const taken = await client.post('/api/v1/genres').bearerToken(token).json({ name: 'Action' })
    taken.assertStatus(422)
    assert.deepInclude(taken.body().errors[0], { field: 'slug', rule: 'unique' })

    const renamed = await client
      .patch(`/api/v1/genres/${id}`)
      .bearerToken(token)
      .json({ name: 'Isekai (other world)' })
    renamed.assertStatus(200)
    assert.equal(renamed.body().data.name, 'Isekai (other world)')

    await expectStatus(client.delete(`/api/v1/genres/${id}`).bearerToken(token), 204)
    await expectStatus(client.delete(`/api/v1/genres/${id}`).bearerToken(token), 404)
  })
})
