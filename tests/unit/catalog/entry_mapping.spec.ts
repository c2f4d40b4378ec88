import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { slugify } from '#helpers/slugs'
import { isJapaneseText } from '#helpers/japanese_text'
import {
  deriveStartDate,
  mapCatalogEntry,
  parseSourceUrl,
  slugCandidates,
  type CatalogEntry,
} from '#services/catalog_entry_mapping'

type RawEntry = Record<string, any>

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/catalog/catalog.json', import.meta.url), 'utf8')
) as { data: RawEntry[] }

function raw(title: string): RawEntry {
  const entry = fixture.data.find((candidate) => candidate.title === title)
  if (!entry) throw new Error(`No fixture entry titled ${title}`)
  return structuredClone(entry)
}

function mapped(entry: unknown): CatalogEntry {
  const result = mapCatalogEntry(entry)
  if (!result.ok) throw new Error(`Expected a mapped entry, got: ${result.reason}`)
  return result.entry
}

function skipReason(entry: unknown) {
  const result = mapCatalogEntry(entry)
  if (result.ok) throw new Error('Expected the entry to be skipped')
  return result.reason
}

test.group('Catalog entry mapping', () => {
  test('maps an anime-offline-database entry to catalog columns (contract rule 12)', ({
    assert,
  }) => {
    const entry = mapped(raw('Shingeki no Kyojin'))

    assert.deepEqual(entry.key, { provider: 'myanimelist', id: 16498 })
    assert.equal(entry.title, 'Shingeki no Kyojin')
    assert.isNull(entry.titleEnglish)
    assert.equal(entry.titleJapanese, '進撃の巨人')
    assert.include(entry.synonyms, 'Attack on Titan')
    assert.equal(entry.type, 'TV')
    assert.equal(entry.status, 'FINISHED')
    assert.equal(entry.episodes, 25)
    assert.equal(entry.durationMinutes, 24)
    assert.equal(entry.season, 'SPRING')
    assert.equal(entry.year, 2013)
    assert.equal(entry.startDate, '2013-04-01')
    assert.equal(entry.coverImage, 'https://cdn.myanimelist.net/images/anime/10/47347.jpg')
    assert.equal(entry.thumbnailImage, 'https://cdn.myanimelist.net/images/anime/10/47347t.jpg')
    assert.deepEqual(entry.studios, ['Wit Studio'])
    assert.deepEqual(entry.externalIds, {
      myanimelist: 16498,
      anilist: 16498,
      anidb: 9541,
      kitsu: null,
    })
    assert.includeMembers(entry.genres, ['action', 'drama', 'fantasy', 'shounen', 'super-power'])
    assert.includeMembers(entry.tags, ['based on a manga', 'post-apocalyptic'])
    assert.notInclude(entry.tags, 'action')
    assert.isFalse(entry.isAdult)
    assert.equal(entry.sourceScore, 8.54)
    assert.match(entry.hash, /^[0-9a-f]{40}$/)
  })

  test('episodes 0 means unknown: null', ({ assert }) => {
    const entry = mapped(raw('One Piece'))
    assert.isNull(entry.episodes)
    assert.equal(entry.status, 'ONGOING')
  })

  test('season UNDEFINED is null, and so is the start date without a year', ({ assert }) => {
    const entry = mapped(raw('Kaijuu 8-gou 3rd Season'))
    assert.isNull(entry.season)
    assert.isNull(entry.year)
    assert.isNull(entry.startDate)
    assert.equal(entry.status, 'UPCOMING')
  })

  test('the start date is the first day of the season: WINTER Jan, SPRING Apr, SUMMER Jul, FALL Oct', ({
    assert,
  }) => {
    assert.equal(deriveStartDate('WINTER', 2018), '2018-01-01')
    assert.equal(deriveStartDate('SPRING', 2016), '2016-04-01')
    assert.equal(deriveStartDate('SUMMER', 2016), '2016-07-01')
    assert.equal(deriveStartDate('FALL', 2019), '2019-10-01')
    assert.equal(deriveStartDate(null, 2001), '2001-01-01')
    assert.isNull(deriveStartDate('FALL', null))
  })

  test('duration is converted to whole minutes', ({ assert }) => {
    const entry = raw('Kimi no Na wa.')
    assert.equal(mapped(entry).durationMinutes, 106)
    assert.equal(mapped({ ...entry, duration: { value: 90, unit: 'MINUTES' } }).durationMinutes, 90)
    assert.equal(mapped({ ...entry, duration: { value: 20, unit: 'SECONDS' } }).durationMinutes, 1)
    assert.isNull(mapped({ ...entry, duration: undefined }).durationMinutes)
  })

  test('titleJapanese is the first synonym in Japanese script, never a Chinese one', ({
    assert,
  }) => {
    assert.equal(mapped(raw('Kimi no Na wa.')).titleJapanese, '君の名は。')
    // Cowboy Bebop's synonyms are all Chinese (宇宙牛仔, 星际牛仔...).
    assert.isNull(mapped(raw('Cowboy Bebop')).titleJapanese)
    assert.isNull(mapped(raw('Tian Guan Ci Fu')).titleJapanese)
    assert.isTrue(isJapaneseText('シュタインズ・ゲート'))
    assert.isTrue(isJapaneseText('12歳。'))
    assert.isFalse(isJapaneseText('12岁。'))
    assert.isFalse(isJapaneseText('進擊的巨人'))
    assert.isFalse(isJapaneseText('Attack on Titan'))
    assert.isTrue(isJapaneseText('攻殻機動隊'))
    assert.isTrue(isJapaneseText('詩季織々'))
    // Chinese titles that borrow a Japanese-only kanji stay Chinese.
    assert.isFalse(isJapaneseText('名偵探柯南：戦慄的樂譜'))
    assert.isFalse(isJapaneseText('虹咲学园校园偶像同好会'))
  })

  test('titleEnglish is null unless the entry carries one explicitly', ({ assert }) => {
    assert.isNull(mapped(raw('Kimi no Na wa.')).titleEnglish)
    assert.equal(
      mapped({ ...raw('Kimi no Na wa.'), titleEnglish: ' Your Name. ' }).titleEnglish,
      'Your Name.'
    )
  })

  test('tags are lower-cased; hentai marks the anime adult', ({ assert }) => {
    const entry = mapped({ ...raw('A Kite'), tags: ['Action', 'HENTAI', 'Based on a Manga'] })
    assert.isTrue(entry.isAdult)
    assert.deepEqual(entry.genres, ['action'])
    assert.deepEqual(entry.tags, ['hentai', 'based on a manga'])
  })

  test('an entry is identified by its MyAnimeList id, else AniList, else AniDB, else Kitsu', ({
    assert,
  }) => {
    assert.deepEqual(mapped(raw('Tian Guan Ci Fu')).key, { provider: 'anilist', id: 112303 })
    const base = raw('Naruto')
    assert.deepEqual(
      mapped({ ...base, sources: ['https://anidb.net/anime/239', 'https://kitsu.io/anime/11'] })
        .key,
      { provider: 'anidb', id: 239 }
    )
    const kitsuOnly = mapped({ ...base, sources: ['https://kitsu.io/anime/11'] })
    assert.deepEqual(kitsuOnly.key, { provider: 'kitsu', id: 11 })
    assert.deepEqual(kitsuOnly.sources, ['https://kitsu.app/anime/11'])
  })

  test('source URLs are parsed into provider ids and canonical URLs', ({ assert }) => {
    assert.deepEqual(parseSourceUrl('https://myanimelist.net/anime/1'), {
      provider: 'myanimelist',
      id: 1,
      url: 'https://myanimelist.net/anime/1',
    })
    assert.deepEqual(parseSourceUrl('http://anilist.co/anime/2/'), {
      provider: 'anilist',
      id: 2,
      url: 'https://anilist.co/anime/2',
    })
    assert.equal(parseSourceUrl('https://anidb.net/a3')?.id, 3)
    assert.equal(parseSourceUrl('https://kitsu.app/anime/4')?.url, 'https://kitsu.app/anime/4')
    assert.equal(parseSourceUrl('https://kitsu.io/anime/4')?.url, 'https://kitsu.app/anime/4')
    assert.equal(parseSourceUrl('https://www.livechart.me/anime/5')?.provider, 'livechart')
    assert.isNull(parseSourceUrl('https://anime-planet.com/anime/naruto')?.id ?? null)
    assert.isNull(parseSourceUrl('not a url'))
    assert.isNull(parseSourceUrl('ftp://myanimelist.net/anime/1'))
  })

  test('relatedAnime URLs become canonical related sources', ({ assert }) => {
    const entry = mapped(raw('Naruto'))
    assert.deepEqual(entry.relatedSources, ['https://myanimelist.net/anime/1735'])
  })

  test('bad entries are skipped with a reason', ({ assert }) => {
    const valid = raw('Cowboy Bebop')
    assert.equal(skipReason(42), 'entry is not an object')
    assert.equal(skipReason(null), 'entry is not an object')
    assert.equal(skipReason([valid]), 'entry is not an object')
    assert.equal(skipReason({ ...valid, title: undefined }), 'missing title')
    assert.equal(skipReason({ ...valid, title: '   ' }), 'missing title')
    assert.equal(skipReason({ ...valid, type: 'SERIES' }), 'invalid type "SERIES"')
    assert.equal(skipReason({ ...valid, status: 'AIRING' }), 'invalid status "AIRING"')
    assert.match(skipReason({ ...valid, sources: [] }), /no MyAnimeList, AniList, AniDB or Kitsu/)
    assert.match(
      skipReason({ ...valid, sources: ['https://anime-planet.com/anime/cowboy-bebop'] }),
      /no MyAnimeList/
    )
  })

  test('the hash changes when the data changes, and only then', ({ assert }) => {
    const entry = raw('Steins;Gate')
    const reordered = Object.fromEntries(Object.entries(entry).reverse())
    assert.equal(mapped(entry).hash, mapped(reordered).hash)
    assert.notEqual(mapped(entry).hash, mapped({ ...entry, episodes: 25 }).hash)
    assert.notEqual(mapped(entry).hash, mapped({ ...entry, tags: ['sci-fi'] }).hash)
  })

  test('slug candidates: the kebab-case title first, then with type, year and id', ({ assert }) => {
    assert.deepEqual(slugCandidates(mapped(raw('Steins;Gate'))), [
      'steins-gate',
      'steins-gate-tv',
      'steins-gate-2011',
      'steins-gate-tv-2011',
      'steins-gate-9253',
    ])
    assert.equal(slugCandidates(mapped(raw('Kimi no Na wa.')))[0], 'kimi-no-na-wa')
  })

  test('a slug is never only digits nor a reserved path', ({ assert }) => {
    const zero = mapped({ ...raw('Cowboy Bebop'), title: '"0"', type: 'SPECIAL' })
    assert.equal(slugCandidates(zero)[0], '0-special')
    const trending = mapped({ ...raw('Cowboy Bebop'), title: 'Trending' })
    assert.equal(slugCandidates(trending)[0], 'trending-tv')
  })

  test('a title without Latin letters takes its slug from a Latin synonym, else from its id', ({
    assert,
  }) => {
    const base = raw('Dandadan')
    assert.equal(slugCandidates(mapped({ ...base, title: 'ダンダダン' }))[0], 'dan-da-dan')
    assert.deepEqual(
      slugCandidates(mapped({ ...base, title: 'ダンダダン', synonyms: ['胆大党'] })),
      ['anime-57334']
    )
  })

  test('slugify drops accents and apostrophes and reads & as "and"', ({ assert }) => {
    assert.equal(slugify('Pokémon: The Movie'), 'pokemon-the-movie')
    assert.equal(slugify("JoJo's Bizarre Adventure"), 'jojos-bizarre-adventure')
    assert.equal(slugify('Tom & Jerry'), 'tom-and-jerry')
    assert.equal(slugify('進撃の巨人'), '')
    assert.isAtMost(slugify('a very long title '.repeat(20)).length, 100)
  })
})
