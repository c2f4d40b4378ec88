import { BaseTransformer } from '@adonisjs/core/transformers'
import type Genre from '#models/genre'

/**
 * A genre with the number of non-adult titles in it (`animeCount`, loaded by the query).
 */
export default class GenreTransformer extends BaseTransformer<Genre> {
  toObject() {
    return {
      id: this.resource.id,
      slug: this.resource.slug,
      name: this.resource.name,
      animeCount: Number(this.resource.$extras.anime_count ?? 0),
    }
  }

  /** Genre-lite, as embedded in an anime. */
  toLite() {
    return { id: this.resource.id, slug: this.resource.slug, name: this.resource.name }
  }
}
