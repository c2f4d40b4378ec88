import factory from '@adonisjs/lucid/factories'
import Genre from '#models/genre'
import { GENRES } from '#services/genre_mapping'

let sequence = 0

/**
 * A genre named like MyAnimeList's, with a slug made unique by a sequence number
 * (`mecha-3`); merge `{ slug, name }` for an exact one (`{ slug: 'action', name: 'Action' }`).
 */
export const GenreFactory = factory
  .define(Genre, ({ faker }) => {
    const genre = faker.helpers.arrayElement(GENRES)
    sequence += 1
    return { slug: `${genre.slug}-${sequence}`, name: `${genre.name} ${sequence}` }
  })
  .build()
