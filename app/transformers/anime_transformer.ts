import { BaseTransformer } from '@adonisjs/core/transformers'
import type { AnimeField } from '#validators/anime'
import type { AnimeRow } from '#services/anime_rows'

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

/**
 * The Anime resource, from a plain row (see AnimeRows). `toObject` is the full detail; the
 * `toSelection` variant keeps the fields given (the AnimeCard by default, or what `?fields=`
 * asked for).
 */
export default class AnimeTransformer extends BaseTransformer<AnimeRow> {
  constructor(
    resource: AnimeRow,
    protected fields: readonly AnimeField[] = CARD_FIELDS
  ) {
    super(resource)
  }

  toObject() {
    const anime = this.resource
    return {
      id: anime.id,
      slug: anime.slug,
      title: anime.title,
      titleEnglish: anime.title_english,
      titleJapanese: anime.title_japanese,
      synonyms: anime.synonyms,
      type: anime.type,
      status: anime.status,
      episodes: anime.episodes,
      durationMinutes: anime.duration_minutes,
      season: anime.season,
      year: anime.year,
      startDate: anime.start_date,
      endDate: anime.end_date,
      synopsis: anime.synopsis,
      coverImage: anime.cover_image,
      thumbnailImage: anime.thumbnail_image,
      bannerImage: anime.banner_image,
      genres: anime.genres,
      tags: anime.tags,
      studios: anime.studios,
      averageScore: anime.average_score,
      scoreCount: anime.score_count,
      popularity: anime.popularity,
      trendingScore: Math.round(anime.trending_score * 1000) / 1000,
      viewCount: anime.view_count,
      externalIds: anime.external_ids,
      relations: anime.relations,
      createdAt: anime.created_at.toISOString(),
      updatedAt: anime.updated_at.toISOString(),
    }
  }

  toSelection() {
    const full = this.toObject()
    return Object.fromEntries(this.fields.map((field) => [field, full[field]]))
  }
}
