import { test } from '@japa/runner'
import { seedCatalog } from '#tests/helpers/catalog'
import { expectStatus } from '#tests/helpers/http'
import { AnimeFactory } from '#database/factories/anime_factory'

type Card = { title: string }
const titles = (body: { data: Card[] }) => body.data.map((anime) => anime.title)

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

  test('one or two letters (typing ahead) find the exact title first, then word starts', async ({
    client,
    assert,
  }) => {
    await AnimeFactory.merge({ title: 'K', synonyms: [] }).create()
    const k = await client
      .get('/api/v1/anime')
      .qs({ q: 'k', perPage: 100, fields: 'title,titleEnglish,synonyms' })
    k.assertStatus(200)
    const found: { title: string; titleEnglish: string | null; synonyms: string[] }[] =
      k.body().data
    assert.equal(found[0].title, 'K')
    const startsAWord = (anime: (typeof found)[number]) =>
      [anime.title, anime.titleEnglish ?? '', ...anime.synonyms].some((name) =>
        /(^|\s)k/i.test(name)
      )
    const ranks = found.slice(1).map((anime) => (startsAWord(anime) ? 1 : 0))
    assert.deepEqual(ranks, [...ranks].sort().reverse())
    assert.include(ranks, 1)
    assert.include(ranks, 0)

    const jp = await client.get('/api/v1/anime').qs({ q: '巨人' })
    assert.include(titles(jp.body()), 'Shingeki no Kyojin')
    const wildcard = await client.get('/api/v1/anime').qs({ q: '%' })
    assert.lengthOf(wildcard.body().data, 0)
  })

  test('three letters match as typed ahead: title starts before word starts', async ({
    client,
    assert,
  }) => {
    const nar = await client.get('/api/v1/anime').qs({ q: 'nar' })
    nar.assertStatus(200)
    // Both titles start with it; "Shisho ni Naru" only has a word that does, so it comes last.
    assert.sameMembers(titles(nar.body()).slice(0, 2), ['Naruto', 'Naruto: Shippuuden'])
    assert.equal(
      titles(nar.body())[2],
      'Honzuki no Gekokujou: Shisho ni Naru Tame ni wa Shudan wo Erandeiraremasen'
    )
    assert.equal(nar.body().meta.total, 3)

    const one = await client.get('/api/v1/anime').qs({ q: 'one' })
    assert.equal(titles(one.body())[0], 'One Piece')
  })

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
