import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import GenreService from '#services/genre_service'
import { createGenreValidator, updateGenreValidator } from '#validators/genre'
import { cacheable } from '#helpers/http_cache'

@inject()
export default class GenresController {
  constructor(protected genres: GenreService) {}

  async index(ctx: HttpContext) {
    return cacheable(ctx, await this.genres.list(), 300)
  }

  async store(ctx: HttpContext) {
    const payload = await ctx.request.validateUsing(createGenreValidator)
    ctx.response.status(201)
    return { data: await this.genres.create(payload) }
  }

  async update(ctx: HttpContext) {
    const payload = await ctx.request.validateUsing(updateGenreValidator)
    return { data: await this.genres.update(Number(ctx.params.id), payload) }
  }

  async destroy(ctx: HttpContext) {
    await this.genres.delete(Number(ctx.params.id))
    return ctx.response.noContent()
  }
}
