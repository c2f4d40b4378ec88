/*
| Which dataset tags are genres (contract rule 11). Genres are MyAnimeList's genre and
| demographic names, slugged in kebab-case; `hentai` marks an anime adult and is not a genre;
| every other tag stays a tag. Pure functions: no database, no app.
*/

export type GenreDefinition = {
  slug: string
  name: string
}

/**
 * The documented genre list (README "Genres"): MyAnimeList's genre and demographic names.
 * The tag a dataset uses is the name lower-cased ("slice of life", "sci-fi").
 */
export const GENRES: readonly GenreDefinition[] = [
  { slug: 'action', name: 'Action' },
  { slug: 'adventure', name: 'Adventure' },
  { slug: 'cars', name: 'Cars' },
  { slug: 'comedy', name: 'Comedy' },
  { slug: 'dementia', name: 'Dementia' },
  { slug: 'demons', name: 'Demons' },
  { slug: 'drama', name: 'Drama' },
  { slug: 'ecchi', name: 'Ecchi' },
  { slug: 'fantasy', name: 'Fantasy' },
  { slug: 'game', name: 'Game' },
  { slug: 'harem', name: 'Harem' },
  { slug: 'historical', name: 'Historical' },
  { slug: 'horror', name: 'Horror' },
  { slug: 'josei', name: 'Josei' },
  { slug: 'kids', name: 'Kids' },
  { slug: 'magic', name: 'Magic' },
  { slug: 'martial-arts', name: 'Martial Arts' },
  { slug: 'mecha', name: 'Mecha' },
  { slug: 'military', name: 'Military' },
  { slug: 'music', name: 'Music' },
  { slug: 'mystery', name: 'Mystery' },
  { slug: 'parody', name: 'Parody' },
  { slug: 'police', name: 'Police' },
  { slug: 'psychological', name: 'Psychological' },
  { slug: 'romance', name: 'Romance' },
  { slug: 'samurai', name: 'Samurai' },
  { slug: 'school', name: 'School' },
  { slug: 'sci-fi', name: 'Sci-Fi' },
  { slug: 'seinen', name: 'Seinen' },
  { slug: 'shoujo', name: 'Shoujo' },
  { slug: 'shoujo-ai', name: 'Shoujo Ai' },
  { slug: 'shounen', name: 'Shounen' },
  { slug: 'shounen-ai', name: 'Shounen Ai' },
  { slug: 'slice-of-life', name: 'Slice of Life' },
  { slug: 'space', name: 'Space' },
  { slug: 'sports', name: 'Sports' },
  { slug: 'super-power', name: 'Super Power' },
  { slug: 'supernatural', name: 'Supernatural' },
  { slug: 'thriller', name: 'Thriller' },
  { slug: 'vampire', name: 'Vampire' },
  { slug: 'yaoi', name: 'Yaoi' },
  { slug: 'yuri', name: 'Yuri' },
]

/** The tag that marks an anime adult (hidden unless `showAdult`). It is not a genre. */
export const ADULT_TAG = 'hentai'

const GENRES_BY_SLUG = new Map(GENRES.map((genre) => [genre.slug, genre]))

/** A tag as stored: trimmed, lower-cased, inner whitespace collapsed. Empty for blank input. */
export function normalizeTag(tag: string) {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The genre a tag names, or null. Spelling variants of a genre name match too
 * ("Slice of Life", "slice-of-life", "sci fi").
 */
export function genreForTag(tag: string): GenreDefinition | null {
  const slug = normalizeTag(tag)
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return GENRES_BY_SLUG.get(slug) ?? null
}

export type ClassifiedTags = {
  /** Genres named by the tags, in the order they first appear, without duplicates. */
  genres: GenreDefinition[]
  /** Every other tag (normalised, without duplicates), `hentai` included. */
  tags: string[]
  /** Whether the tags mark the anime adult (`hentai`). */
  isAdult: boolean
}

/** Splits a dataset's tags into genres and plain tags, and tells whether the anime is adult. */
export function classifyTags(rawTags: readonly string[]): ClassifiedTags {
  const genres = new Map<string, GenreDefinition>()
  const tags = new Set<string>()
  let isAdult = false

  for (const rawTag of rawTags) {
    const tag = normalizeTag(rawTag)
    if (!tag) continue
    if (tag === ADULT_TAG) isAdult = true
    const genre = genreForTag(tag)
    if (genre) genres.set(genre.slug, genre)
    else tags.add(tag)
  }

  return { genres: [...genres.values()], tags: [...tags], isAdult }
}
