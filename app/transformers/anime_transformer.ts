import { BaseTransformer } from '@adonisjs/core/transformers'
import { ANIME_FIELDS, type AnimeField } from '#validators/anime'
import type { AnimeRow, StoredRow } from '#services/anime_rows'

/** The fields of an AnimeCard, the light shape lists return by default. */
export const CARD_FIELDS = [
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
] as const satisfies readonly AnimeField[]

/** Counters change without the anime changing: they do not take part in ETags (rule 10). */
export const COUNTER_FIELDS = [
  'averageScore',
  'scoreCount',
  'popularity',
  'trendingScore',
  'viewCount',
] as const

/** How each field of the Anime resource is read from a row, and which columns it needs. */
const FIELDS = {
  id: { columns: ['id'], read: (anime) => anime.id },
  slug: { columns: ['slug'], read: (anime) => anime.slug },
  title: { columns: ['title'], read: (anime) => anime.title },
  titleEnglish: { columns: ['title_english'], read: (anime) => anime.title_english },
  titleJapanese: { columns: ['title_japanese'], read: (anime) => anime.title_japanese },
  synonyms: { columns: ['synonyms'], read: (anime) => anime.synonyms },
  type: { columns: ['type'], read: (anime) => anime.type },
  status: { columns: ['status'], read: (anime) => anime.status },
  episodes: { columns: ['episodes'], read: (anime) => anime.episodes },
  durationMinutes: { columns: ['duration_minutes'], read: (anime) => anime.duration_minutes },
  season: { columns: ['season'], read: (anime) => anime.season },
  year: { columns: ['year'], read: (anime) => anime.year },
  startDate: { columns: ['start_date'], read: (anime) => anime.start_date },
  endDate: { columns: ['end_date'], read: (anime) => anime.end_date },
  synopsis: { columns: ['synopsis'], read: (anime) => anime.synopsis },
  coverImage: { columns: ['cover_image'], read: (anime) => anime.cover_image },
  thumbnailImage: { columns: ['thumbnail_image'], read: (anime) => anime.thumbnail_image },
  bannerImage: { columns: ['banner_image'], read: (anime) => anime.banner_image },
  genres: { columns: ['genre_ids'], read: (anime) => anime.genres },
  tags: { columns: ['tags'], read: (anime) => anime.tags },
  studios: { columns: ['studios'], read: (anime) => anime.studios },
  averageScore: { columns: ['average_score'], read: (anime) => anime.average_score },
  scoreCount: { columns: ['score_count'], read: (anime) => anime.score_count },
  popularity: { columns: ['popularity'], read: (anime) => anime.popularity },
  trendingScore: {
    columns: ['trending_score'],
    read: (anime) => Math.round(anime.trending_score * 1000) / 1000,
  },
  viewCount: { columns: ['view_count'], read: (anime) => anime.view_count },
  externalIds: { columns: ['external_ids'], read: (anime) => anime.external_ids },
  relations: { columns: [], read: (anime) => anime.relations },
  createdAt: { columns: ['created_at'], read: (anime) => anime.created_at.toISOString() },
  updatedAt: { columns: ['updated_at'], read: (anime) => anime.updated_at.toISOString() },
} satisfies Record<AnimeField, { columns: (keyof StoredRow)[]; read: (anime: AnimeRow) => unknown }>

type Anime = { [Field in AnimeField]: ReturnType<(typeof FIELDS)[Field]['read']> }

/** The columns a read must select to answer these fields. */
export function columnsFor(fields: readonly AnimeField[]) {
  return [...new Set(fields.flatMap((field) => FIELDS[field].columns))]
}

/**
 * The Anime resource, from a plain row (see AnimeRows). `toObject` is the full detail; the
 * `toSelection` variant keeps the fields given (the AnimeCard by default, or what `?fields=`
 * asked for) and reads only those, so a row may hold only their columns.
 */
export default class AnimeTransformer extends BaseTransformer<AnimeRow> {
  constructor(
    resource: AnimeRow,
    protected fields: readonly AnimeField[] = CARD_FIELDS
  ) {
    super(resource)
  }

  toObject() {
    return this.#read(ANIME_FIELDS) as Anime
  }

  toSelection() {
    return this.#read(this.fields)
  }

  #read(fields: readonly AnimeField[]) {
    return Object.fromEntries(fields.map((field) => [field, FIELDS[field].read(this.resource)]))
  }
}
