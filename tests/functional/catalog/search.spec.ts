import { test } from '@japa/runner'
import { seedCatalog } from '#tests/helpers/catalog'
import { expectStatus } from '#tests/helpers/http'

test.group('Search', (group) => {
  group.each.setup(seedCatalog)

  const bestMatch: [string, string][] = [
    ['attak on titan', 'Shingeki no Kyojin'],
    ['shingeki kyojin', 'Shingeki no Kyojin'],
    ['fullmetal alchemist brotherhood', 'Fullmetal Alchemist: Brotherhood'],
    ['kimi no na wa', 'Kimi no Na wa.'],
    ['your name', 'Kimi no Na wa.'],
    ['naruto', 'Naruto'],
    ['naruto shipuden', 'Naruto: Shippuuden'],
    ['cowboy bebob', 'Cowboy Bebop'],
    ['kyojin shingeki', 'Shingeki no Kyojin'],
    ['進撃の巨人', 'Shingeki no Kyojin'],
    ['steins gate', 'Steins;Gate'],
    ['spirited away', 'Sen to Chihiro no Kamikakushi'],
    ['my hero academia', 'Boku no Hero Academia'],
  ]

  for (const [query, title] of bestMatch) {
    test(`"${query}" ranks "${title}" first`, async ({ client, assert }) => {
      const response = await client.get('/api/v1/anime').qs({ q: query, perPage: 5 })
      response.assertStatus(200)
      assert.equal(response.body().data[0]?.title, title)
    })
  }

  test('a query that matches nothing answers an empty page', async ({ client, assert }) => {
    const response = await client.get('/api/v1/anime').qs({ q: 'zzzzqqqxxx' })
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 0)
    assert.equal(response.body().meta.total, 0)
  })

  test('search combines with filters and other sorts', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/anime')
      .qs({ q: 'shingeki', type: 'OVA', sort: 'title' })
    assert.deepEqual(
      response.body().data.map((anime: { title: string }) => anime.title),
      ['Shingeki no Kyojin: Kuinaki Sentaku']
    )
  })

  test('search never shows adult titles to anonymous callers', async ({ client, assert }) => {
    const response = await client.get('/api/v1/anime').qs({ q: 'a kite' })
    assert.notInclude(
      response.body().data.map((anime: { title: string }) => anime.title),
      'A Kite'
    )
  })

  test('an empty or too long q answers 422', async ({ client }) => {
    await expectStatus(client.get('/api/v1/anime').qs({ q: 'x'.repeat(201) }), 422)
    await expectStatus(client.get('/api/v1/anime').qs({ q: '' }), 422)
  })
})
