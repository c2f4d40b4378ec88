import { test } from '@japa/runner'
import { ADULT_TAG, GENRES, classifyTags, genreForTag, normalizeTag } from '#services/genre_mapping'

/** Every tag of the real catalog (shared/data/catalog-real.jsonl) that names a genre. */
const GENRE_TAGS_IN_DATA = [
  'action',
  'adventure',
  'cars',
  'comedy',
  'dementia',
  'demons',
  'drama',
  'ecchi',
  'fantasy',
  'game',
  'harem',
  'historical',
  'horror',
  'josei',
  'kids',
  'magic',
  'martial arts',
  'mecha',
  'military',
  'music',
  'mystery',
  'parody',
  'police',
  'psychological',
  'romance',
  'samurai',
  'school',
  'sci-fi',
  'seinen',
  'shoujo',
  'shoujo ai',
  'shounen',
  'shounen ai',
  'slice of life',
  'space',
  'sports',
  'super power',
  'supernatural',
  'thriller',
  'vampire',
  'yaoi',
  'yuri',
]

test.group('Genre mapping', () => {
  test('the genre list has unique kebab-case slugs and unique names', ({ assert }) => {
    for (const genre of GENRES) assert.match(genre.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/)
    assert.equal(new Set(GENRES.map((genre) => genre.slug)).size, GENRES.length)
    assert.equal(new Set(GENRES.map((genre) => genre.name)).size, GENRES.length)
  })

  test('every genre tag of the real data maps to a documented genre', ({ assert }) => {
    for (const tag of GENRE_TAGS_IN_DATA) {
      assert.isNotNull(genreForTag(tag), tag)
    }
    assert.lengthOf(GENRES, GENRE_TAGS_IN_DATA.length)
  })

  test('multi-word genres get kebab-case slugs and MyAnimeList display names', ({ assert }) => {
    assert.deepEqual(genreForTag('sci-fi'), { slug: 'sci-fi', name: 'Sci-Fi' })
    assert.deepEqual(genreForTag('slice of life'), { slug: 'slice-of-life', name: 'Slice of Life' })
    assert.deepEqual(genreForTag('martial arts'), { slug: 'martial-arts', name: 'Martial Arts' })
    assert.deepEqual(genreForTag('super power'), { slug: 'super-power', name: 'Super Power' })
    assert.deepEqual(genreForTag('shounen ai'), { slug: 'shounen-ai', name: 'Shounen Ai' })
  })

  test('spelling variants of a genre name match it', ({ assert }) => {
    assert.equal(genreForTag('Slice of Life')?.slug, 'slice-of-life')
    assert.equal(genreForTag('slice-of-life')?.slug, 'slice-of-life')
    assert.equal(genreForTag('  SCI-FI ')?.slug, 'sci-fi')
    assert.equal(genreForTag('sci fi')?.slug, 'sci-fi')
  })

  test('hentai is not a genre', ({ assert }) => {
    assert.equal(ADULT_TAG, 'hentai')
    assert.isNull(genreForTag('hentai'))
  })

  test('tags that are not genre names are not genres', ({ assert }) => {
    assert.isNull(genreForTag('based on a manga'))
    assert.isNull(genreForTag('time travel'))
    assert.isNull(genreForTag(''))
  })

  test('classifying splits genres from tags, and hentai marks the anime adult but stays a tag', ({
    assert,
  }) => {
    const result = classifyTags(['Action', 'hentai', 'Based on a Manga', 'sci-fi', 'action', ' '])
    assert.deepEqual(
      result.genres.map((genre) => genre.slug),
      ['action', 'sci-fi']
    )
    assert.deepEqual(result.tags, ['hentai', 'based on a manga'])
    assert.isTrue(result.isAdult)
  })

  test('an anime without the hentai tag is not adult', ({ assert }) => {
    const result = classifyTags(['ecchi', 'harem'])
    assert.isFalse(result.isAdult)
    assert.deepEqual(result.tags, [])
  })

  test('tags are lower-cased with whitespace collapsed', ({ assert }) => {
    assert.equal(normalizeTag('  Male   Protagonist '), 'male protagonist')
  })
})
