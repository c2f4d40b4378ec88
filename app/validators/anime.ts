import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { ANIME_STATUSES, ANIME_TYPES, SEASONS, type Season } from '#models/anime'
import { pageRules } from '#validators/pagination'
import { SLUG_PATTERN } from '#helpers/slugs'

export const ANIME_SORTS = [
  'relevance',
  'popularity',
  'score',
  'trending',
  'title',
  'year',
  'newest',
] as const
export type AnimeSort = (typeof ANIME_SORTS)[number]

/** Every field of the Anime resource: what `fields` may ask for. */
export const ANIME_FIELDS = [
  'id',
  'slug',
  'title',
  'titleEnglish',
  'titleJapanese',
  'synonyms',
  'type',
  'status',
  'episodes',
  'durationMinutes',
  'season',
  'year',
  'startDate',
  'endDate',
  'synopsis',
  'coverImage',
  'thumbnailImage',
  'bannerImage',
  'genres',
  'tags',
  'studios',
  'averageScore',
  'scoreCount',
  'popularity',
  'trendingScore',
  'viewCount',
  'externalIds',
  'relations',
  'createdAt',
  'updatedAt',
] as const
export type AnimeField = (typeof ANIME_FIELDS)[number]

/** A site's numeric id: every site we map counts in 32 bits, far below JSON's exact range. */
const providerId = () =>
  vine.number().withoutDecimals().min(1).max(2_147_483_647).nullable().optional()

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** A comma list in a query string: the items are checked, then handed on as an array. */
const commaList = <Item extends string>(
  check: (items: string[], field: FieldContext) => void,
  accept: (item: string) => item is Item
) =>
  vine
    .string()
    .trim()
    .maxLength(1000)
    .use(vine.createRule((value, _, field) => check(splitList(value as string), field))())
    .transform((value) => splitList(value).filter(accept))

const isString = (_item: string): _item is string => true

const isAnimeField = (name: string): name is AnimeField =>
  (ANIME_FIELDS as readonly string[]).includes(name)

const sortRules = {
  sort: vine.enum(ANIME_SORTS).optional(),
  order: vine.enum(['asc', 'desc'] as const).optional(),
}

/**
 * GET /anime: filters, sort, pagination and `fields`. Unknown field names and values outside
 * an allow-list answer 422 (rule 4).
 */
export const browseAnimeValidator = vine.create({
  q: vine.string().trim().minLength(1).maxLength(200).optional(),
  genres: commaList((slugs, field) => {
    if (slugs.length > 20) field.report('Ask for at most 20 genres', 'maxLength', field)
    if (slugs.some((slug) => !SLUG_PATTERN.test(slug))) {
      field.report('The {{ field }} field must be genre slugs', 'genres', field)
    }
  }, isString).optional(),
  type: vine.enum(ANIME_TYPES).optional(),
  status: vine.enum(ANIME_STATUSES).optional(),
  year: vine.number().withoutDecimals().min(1900).max(2100).optional(),
  season: vine
    .string()
    .trim()
    .toUpperCase()
    .in([...SEASONS])
    .transform((value) => value as Season)
    .optional(),
  fields: commaList((names, field) => {
    const unknown = names.filter((name) => !isAnimeField(name))
    if (unknown.length > 0) {
      field.report(`Unknown field names: ${unknown.join(', ')}`, 'fields', field)
    }
  }, isAnimeField).optional(),
  ...sortRules,
  ...pageRules(),
})

/** GET /anime/seasons/:year/:season query. */
export const seasonQueryValidator = vine.create({
  ...sortRules,
  ...pageRules(),
})

/** GET /anime/trending. */
export const trendingValidator = vine.create({
  limit: vine.number().withoutDecimals().min(1).max(50).optional(),
})

const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })
const text = (max: number) => vine.string().trim().maxLength(max)
const stringList = (maxItems: number, maxLength: number) =>
  vine.array(text(maxLength).minLength(1)).maxLength(maxItems)

/** Anime fields an admin may set; `title` is required on create only. */
const animeFields = {
  // Not digits only: /anime/86 names the anime with id 86.
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(160)
    .regex(SLUG_PATTERN)
    .regex(/\D/)
    .optional(),
  titleEnglish: text(500).nullable().optional(),
  titleJapanese: text(500).nullable().optional(),
  synonyms: stringList(100, 500).optional(),
  type: vine.enum(ANIME_TYPES).optional(),
  status: vine.enum(ANIME_STATUSES).optional(),
  episodes: vine.number().withoutDecimals().min(1).max(5000).nullable().optional(),
  durationMinutes: vine.number().withoutDecimals().min(1).max(10_000).nullable().optional(),
  season: vine.enum(SEASONS).nullable().optional(),
  year: vine.number().withoutDecimals().min(1900).max(2100).nullable().optional(),
  startDate: isoDate().nullable().optional(),
  endDate: isoDate().nullable().optional(),
  synopsis: text(20_000).nullable().optional(),
  coverImage: text(2048).url({ require_protocol: true }).nullable().optional(),
  thumbnailImage: text(2048).url({ require_protocol: true }).nullable().optional(),
  bannerImage: text(2048).url({ require_protocol: true }).nullable().optional(),
  genres: vine
    .array(vine.string().trim().regex(SLUG_PATTERN).maxLength(60))
    .maxLength(50)
    .optional(),
  tags: stringList(200, 100).optional(),
  studios: stringList(50, 200).optional(),
  externalIds: vine
    .object({
      myanimelist: providerId(),
      anilist: providerId(),
      kitsu: providerId(),
      anidb: providerId(),
    })
    .optional(),
}

export const createAnimeValidator = vine.create({
  title: text(500).minLength(1),
  ...animeFields,
})

export const updateAnimeValidator = vine.create({
  title: text(500).minLength(1).optional(),
  ...animeFields,
})
