import { BaseTransformer } from '@adonisjs/core/transformers'
import type Anime from '#models/anime'
import type { AnimeField } from '#validators/anime'
import { isoTime } from '#helpers/dates'

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
 * The Anime resource. `toObject` is the full detail; the `toSelection` variant keeps the
 * fields given (the AnimeCard by default, or what `?fields=` asked for).
 */
export default class AnimeTransformer extends BaseTransformer<Anime> {
  constructor(
    resource: Anime,
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
      titleEnglish: anime.titleEnglish ?? null,
      titleJapanese: anime.titleJapanese ?? null,
      synonyms: anime.synonyms ?? [],
      type: anime.type,
      status: anime.status,
      episodes: anime.episodes ?? null,
      durationMinutes: anime.durationMinutes ?? null,
      season: anime.season ?? null,
      year: anime.year ?? null,
      startDate: anime.startDate?.toISODate() ?? null,
      endDate: anime.endDate?.toISODate() ?? null,
      synopsis: anime.synopsis ?? null,
      coverImage: anime.coverImage ?? null,
      thumbnailImage: anime.thumbnailImage ?? null,
      bannerImage: anime.bannerImage ?? null,
      genres: this.#genres(),
      tags: anime.tags ?? [],
      studios: anime.studios ?? [],
      averageScore: anime.averageScore ?? null,
      scoreCount: anime.scoreCount ?? 0,
      popularity: anime.popularity ?? 0,
      trendingScore: Math.round((anime.trendingScore ?? 0) * 1000) / 1000,
      viewCount: Number(anime.viewCount ?? 0),
      externalIds: anime.externalIds ?? {},
      relations: this.#relations(),
      createdAt: isoTime(anime.createdAt),
      updatedAt: isoTime(anime.updatedAt),
    }
  }

  toSelection() {
    const full = this.toObject()
    return Object.fromEntries(this.fields.map((field) => [field, full[field]]))
  }

  #genres() {
    const genres = this.resource.$preloaded.genres ? this.resource.genres : []
    return genres
      .map((genre) => ({ id: genre.id, slug: genre.slug, name: genre.name }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  #relations() {
    const relations = this.resource.$preloaded.relations ? this.resource.relations : []
    return relations.map((related) => ({
      id: related.id,
      slug: related.slug,
      title: related.title,
      coverImage: related.coverImage ?? null,
    }))
  }
}
