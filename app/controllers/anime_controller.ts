import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogEditor from '#services/catalog_editor'
import CatalogService from '#services/catalog_service'
import TrendingService from '#services/trending_service'
import { CARD_FIELDS } from '#transformers/anime_transformer'
import { browseAnimeValidator, createAnimeValidator, updateAnimeValidator } from '#validators/anime'
import { cacheable } from '#helpers/http_cache'

@inject()
export default class AnimeController {
  constructor(
    protected catalog: CatalogService,
    protected editor: CatalogEditor,
    protected trending: TrendingService
  ) {}

  /** Browse and search: filters, sorts, pagination, `fields`. */
  async index(ctx: HttpContext) {
    const { fields, ...filters } = await browseAnimeValidator.validate(ctx.request.qs())
    const page = await this.catalog.browse(
      filters,
      fields?.length ? fields : CARD_FIELDS,
      CatalogService.viewerOf(ctx.auth.user)
    )
    return cacheable(ctx, page, 60)
  }

  /** One anime by id or slug; counts a view without waiting for it. */
  async show(ctx: HttpContext) {
    const answer = await this.catalog.find(
      String(ctx.params.idOrSlug),
      CatalogService.viewerOf(ctx.auth.user)
    )
    this.trending.recordView(answer.id)
    return cacheable(ctx, answer, 60)
  }

  async store(ctx: HttpContext) {
    const payload = await ctx.request.validateUsing(createAnimeValidator)
    ctx.response.status(201)
    return { data: await this.editor.create(payload) }
  }

  async update(ctx: HttpContext) {
    const payload = await ctx.request.validateUsing(updateAnimeValidator)
    return { data: await this.editor.update(ctx.params.idOrSlug, payload) }
  }

  async destroy(ctx: HttpContext) {
    await this.editor.delete(ctx.params.idOrSlug)
    return ctx.response.noContent()
  }
}
