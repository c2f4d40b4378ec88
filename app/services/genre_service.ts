import cache from '@adonisjs/cache/services/main'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { saveUnique } from '#helpers/unique'
import Genre from '#models/genre'
import ApiException from '#exceptions/api_exception'
import GenreTransformer from '#transformers/genre_transformer'
import { slugify } from '#helpers/slugs'
import { tagged } from '#helpers/http_cache'
import type { GenreLite } from '#services/anime_rows'

/**
 * Genres with the number of non-adult titles in each (rule 11), and their admin CRUD.
 */
export default class GenreService {
  /** Every genre by name, cached for 15 minutes (dropped by catalog writes). */
  list() {
    return cache.getOrSet({
      key: 'genres:all',
      ttl: '15m',
      tags: ['catalog'],
      factory: async () => {
        const genres = await this.#withCounts().orderBy('genres.name', 'asc')
        return tagged({ data: genres.map((genre) => new GenreTransformer(genre).toObject()) })
      },
    })
  }

  /**
   * Every genre as cards show it (id, slug, name), cached: anime rows carry only genre ids,
   * which this names (`byId`, with the genre's rank by name), and filters look slugs up.
   */
  async lookup() {
    const genres: GenreLite[] = await cache.getOrSet({
      key: 'genres:lookup',
      ttl: '15m',
      tags: ['catalog'],
      factory: () => db.from('genres').select('id', 'slug', 'name').orderBy('name', 'asc'),
    })
    return {
      byId: new Map(genres.map((genre, rank) => [genre.id, { genre, rank }])),
      bySlug: new Map(genres.map((genre) => [genre.slug, genre.id])),
    }
  }

  async create(data: { name: string; slug?: string }) {
    const slug = data.slug ?? this.#slugOf(data.name)
    const genre = await saveUnique(
      (trx) => Genre.create({ name: data.name, slug }, { client: trx }),
      () => 'slug'
    )
    await emitter.emit('catalog:changed', { reason: 'genre_created' })
    return this.#reload(genre.id)
  }

  async update(id: number, data: { name?: string; slug?: string }) {
    const genre = await Genre.find(id)
    if (!genre) throw ApiException.notFound('Genre not found')
    genre.merge(data)
    await saveUnique(
      (trx) => genre.useTransaction(trx).save(),
      () => 'slug'
    )
    await emitter.emit('catalog:changed', { reason: 'genre_updated' })
    return this.#reload(genre.id)
  }

  /** Removes the genre from every anime, then the genre itself. */
  async delete(id: number) {
    const genre = await Genre.find(id)
    if (!genre) throw ApiException.notFound('Genre not found')
    await genre.delete()
    await emitter.emit('catalog:changed', { reason: 'genre_deleted' })
  }

  #withCounts() {
    return Genre.query()
      .select('genres.*')
      .select(
        db.raw(
          `(select count(*) from anime_genres
             join anime on anime.id = anime_genres.anime_id
            where anime_genres.genre_id = genres.id and not anime.is_adult) as anime_count`
        )
      )
  }

  async #reload(id: number) {
    const genre = await this.#withCounts().where('genres.id', id).firstOrFail()
    return new GenreTransformer(genre).toObject()
  }

  #slugOf(name: string) {
    const slug = slugify(name, 60)
    if (!slug)
      throw ApiException.invalidField(
        'slug',
        'required',
        'Give a slug: the name has no Latin letters'
      )
    return slug
  }
}
