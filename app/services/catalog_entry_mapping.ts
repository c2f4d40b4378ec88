/*
| Mapping of one anime-offline-database entry (manami-project format) to a catalog row
| (contract rule 12). Pure: no database, no app; the importer adds slugs and writes rows.
*/
import { createHash } from 'node:crypto'
import { slugify } from '#helpers/slugs'
import { isJapaneseText } from '#helpers/japanese_text'
import { classifyTags } from '#services/genre_mapping'
import {
  ANIME_STATUSES,
  ANIME_TYPES,
  ID_PROVIDERS,
  SEASONS,
  type AnimeStatus,
  type AnimeType,
  type ExternalIds,
  type IdProvider,
  type Season,
} from '#models/anime'

/**
 * Part of every hash. The hash already covers the mapped fields, so a mapping change rewrites
 * the rows it affects; bump this to make the next import rewrite every row (say, after changing
 * how the importer writes them).
 */
export const MAPPING_VERSION = 1

/** First month of each season, for the derived start date (WINTER Jan, SPRING Apr, SUMMER Jul, FALL Oct). */
const SEASON_FIRST_MONTH: Record<Season, string> = {
  WINTER: '01',
  SPRING: '04',
  SUMMER: '07',
  FALL: '10',
}

/** Slugs a title may not take: they are paths of their own under /anime. */
const RESERVED_SLUGS = new Set(['trending', 'seasons'])

/** An entry mapped to catalog columns. Dates are `YYYY-MM-DD` strings. */
export type CatalogEntry = {
  /** The id that identifies the entry: MyAnimeList, else AniList, else AniDB, else Kitsu. */
  key: { provider: IdProvider; id: number }
  title: string
  titleEnglish: string | null
  titleJapanese: string | null
  synonyms: string[]
  type: AnimeType
  status: AnimeStatus
  episodes: number | null
  durationMinutes: number | null
  season: Season | null
  year: number | null
  startDate: string | null
  coverImage: string | null
  thumbnailImage: string | null
  /** Genre slugs (see genre_mapping). */
  genres: string[]
  tags: string[]
  studios: string[]
  externalIds: ExternalIds
  /** Source URLs, canonical (https, kitsu.app). */
  sources: string[]
  /** `relatedAnime` URLs, canonical like `sources`; resolved to relations after the import. */
  relatedSources: string[]
  isAdult: boolean
  sourceScore: number | null
  /** SHA-1 of everything above: equal hashes mean nothing changed since the last import. */
  hash: string
}

export type EntryMapping =
  { ok: true; entry: CatalogEntry } | { ok: false; reason: string; title?: string }

type ParsedSource = { provider: string; id: number | null; url: string }

/** Providers whose URLs end in `/anime/<id>`, by host; the value is the canonical host. */
const ANIME_PATH_HOSTS: Record<string, { provider: string; host: string }> = {
  'myanimelist.net': { provider: 'myanimelist', host: 'myanimelist.net' },
  'anilist.co': { provider: 'anilist', host: 'anilist.co' },
  'anidb.net': { provider: 'anidb', host: 'anidb.net' },
  'kitsu.app': { provider: 'kitsu', host: 'kitsu.app' },
  'kitsu.io': { provider: 'kitsu', host: 'kitsu.app' },
  'livechart.me': { provider: 'livechart', host: 'livechart.me' },
  'anisearch.com': { provider: 'anisearch', host: 'www.anisearch.com' },
  'simkl.com': { provider: 'simkl', host: 'simkl.com' },
}

/**
 * The provider and numeric id of a source URL, with the URL in canonical form
 * (`https://myanimelist.net/anime/1`, `https://kitsu.app/anime/4`). Null for a string that is
 * not an http(s) URL; `id: null` for a site or path we do not know.
 */
export function parseSourceUrl(value: string): ParsedSource | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null

  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const known = ANIME_PATH_HOSTS[host]
  if (known) {
    const match = url.pathname.match(/^\/anime\/(\d+)(?:\/.*)?$/)
    // AniDB's short form: https://anidb.net/a1
    const short = known.provider === 'anidb' ? url.pathname.match(/^\/a(\d+)$/) : null
    const id = toPositiveInt((match ?? short)?.[1])
    if (id !== null) {
      return { provider: known.provider, id, url: `https://${known.host}/anime/${id}` }
    }
  }
  if (host === 'animenewsnetwork.com') {
    const id = toPositiveInt(url.searchParams.get('id') ?? undefined)
    if (id !== null && url.pathname.endsWith('/anime.php')) {
      return {
        provider: 'animenewsnetwork',
        id,
        url: `https://www.animenewsnetwork.com/encyclopedia/anime.php?id=${id}`,
      }
    }
  }
  url.protocol = 'https:'
  return { provider: host, id: null, url: url.href }
}

/**
 * The start date the data implies: the first day of the season's first month, or January 1st
 * when only the year is known (the dataset has no exact dates). Used by `sort=newest`.
 */
export function deriveStartDate(season: Season | null, year: number | null) {
  if (year === null) return null
  return `${String(year).padStart(4, '0')}-${season ? SEASON_FIRST_MONTH[season] : '01'}-01`
}

/**
 * Slugs to try for a new row, best first: the kebab-case title, then with the type, the year,
 * both, and the identifying id appended. A title without Latin letters uses its first Latin
 * synonym; with none, the slug is `anime-<id>`. All-digit and reserved slugs are never the
 * bare title ("0" would read as an id).
 */
export function slugCandidates(
  entry: Pick<CatalogEntry, 'title' | 'synonyms' | 'type' | 'year' | 'key'>
) {
  const base = [entry.title, ...entry.synonyms].map((text) => slugify(text)).find(Boolean)
  if (!base) return [`anime-${entry.key.id}`]

  const type = entry.type.toLowerCase()
  const candidates: string[] = []
  if (!/^\d+$/.test(base) && !RESERVED_SLUGS.has(base)) candidates.push(base)
  candidates.push(`${base}-${type}`)
  if (entry.year !== null) candidates.push(`${base}-${entry.year}`, `${base}-${type}-${entry.year}`)
  candidates.push(`${base}-${entry.key.id}`)
  return candidates
}

/**
 * Maps one entry of the data (`data[i]`, or one JSON line) to catalog columns, or says why it
 * cannot be imported. Rules (contract rule 12): `picture` → coverImage, `thumbnail` →
 * thumbnailImage; titleJapanese is the first synonym in Japanese script; titleEnglish only when
 * the entry carries one explicitly (`titleEnglish`, not part of the format); `episodes: 0` →
 * null; season `UNDEFINED` → null; `duration` ({ value, unit }) → whole minutes; tags
 * lower-cased and split into genres and tags; `hentai` → isAdult; start date derived from
 * season and year. Identity: MyAnimeList id, else AniList, else AniDB, else Kitsu.
 */
export function mapCatalogEntry(raw: unknown): EntryMapping {
  if (!isRecord(raw)) return { ok: false, reason: 'entry is not an object' }

  const title = typeof raw.title === 'string' ? cleanText(raw.title) : ''
  if (!title) return { ok: false, reason: 'missing title' }

  const type = raw.type === undefined ? 'UNKNOWN' : enumValue(ANIME_TYPES, raw.type)
  if (!type) return { ok: false, title, reason: `invalid type ${JSON.stringify(raw.type)}` }

  const status = raw.status === undefined ? 'UNKNOWN' : enumValue(ANIME_STATUSES, raw.status)
  if (!status) return { ok: false, title, reason: `invalid status ${JSON.stringify(raw.status)}` }

  const externalIds: ExternalIds = { myanimelist: null, anilist: null, anidb: null, kitsu: null }
  const sources = new Set<string>()
  for (const value of stringList(raw.sources)) {
    const source = parseSourceUrl(value)
    if (!source) continue
    sources.add(source.url)
    // The first id of a provider wins; manami never lists two.
    if (source.id !== null) externalIds[source.provider] ??= source.id
  }
  const keyProvider = ID_PROVIDERS.find((provider) => externalIds[provider] !== null)
  if (!keyProvider) {
    return { ok: false, title, reason: 'no MyAnimeList, AniList, AniDB or Kitsu source' }
  }

  const synonyms = unique(stringList(raw.synonyms).map(cleanText)).filter(
    (synonym) => synonym && synonym !== title
  )
  const season = isRecord(raw.animeSeason) ? enumValue(SEASONS, raw.animeSeason.season) : null
  const year = isRecord(raw.animeSeason) ? toInt(raw.animeSeason.year, 1900, 2100) : null
  const { genres, tags, isAdult } = classifyTags(stringList(raw.tags))

  const fields = {
    key: { provider: keyProvider, id: externalIds[keyProvider]! },
    title,
    titleEnglish: typeof raw.titleEnglish === 'string' ? cleanText(raw.titleEnglish) || null : null,
    titleJapanese: synonyms.find((synonym) => isJapaneseText(synonym)) ?? null,
    synonyms,
    type,
    status,
    episodes: toInt(raw.episodes, 1, 100_000),
    durationMinutes: durationInMinutes(raw.duration),
    season,
    year,
    startDate: deriveStartDate(season, year),
    coverImage: imageUrl(raw.picture),
    thumbnailImage: imageUrl(raw.thumbnail),
    genres: genres.map((genre) => genre.slug),
    tags,
    studios: unique(stringList(raw.studios).map(cleanText)).filter(Boolean),
    externalIds,
    sources: [...sources],
    relatedSources: unique(
      stringList(raw.relatedAnime)
        .map((value) => parseSourceUrl(value)?.url)
        .filter((url): url is string => !!url && !sources.has(url))
    ),
    isAdult,
    sourceScore: sourceScore(raw.score),
  }

  const hash = createHash('sha1')
    .update(JSON.stringify([MAPPING_VERSION, fields]))
    .digest('hex')
  return { ok: true, entry: { ...fields, hash } }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function cleanText(value: string) {
  return value.replace(/\s+/g, ' ').trim()
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

function unique(values: string[]) {
  return [...new Set(values)]
}

function enumValue<T extends string>(values: readonly T[], value: unknown): T | null {
  if (typeof value !== 'string') return null
  const upper = value.trim().toUpperCase()
  return values.find((candidate) => candidate === upper) ?? null
}

function toInt(value: unknown, min: number, max: number) {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null
}

function toPositiveInt(value: string | undefined) {
  if (!value || !/^\d{1,12}$/.test(value)) return null
  const number = Number(value)
  return number > 0 ? number : null
}

/** manami writes `{ value: 1440, unit: "SECONDS" }`; minutes and hours are accepted too. */
function durationInMinutes(value: unknown) {
  if (!isRecord(value) || typeof value.value !== 'number' || !(value.value > 0)) return null
  const unit = typeof value.unit === 'string' ? value.unit.toUpperCase() : 'SECONDS'
  const perMinute = { SECONDS: 60, MINUTES: 1, HOURS: 1 / 60 }[unit]
  if (perMinute === undefined) return null
  const minutes = Math.max(1, Math.round(value.value / perMinute))
  return minutes <= 100_000 ? minutes : null
}

function imageUrl(value: unknown) {
  if (typeof value !== 'string') return null
  const url = value.trim()
  return /^https?:\/\/\S+$/i.test(url) && url.length <= 2048 ? url : null
}

/** The dataset's score (1-10): `arithmeticGeometricMean`, else the mean, else the median. */
function sourceScore(value: unknown) {
  if (!isRecord(value)) return null
  for (const key of ['arithmeticGeometricMean', 'arithmeticMean', 'median']) {
    const score = value[key]
    if (typeof score === 'number' && score >= 0 && score <= 10) return Math.round(score * 1e4) / 1e4
  }
  return null
}
