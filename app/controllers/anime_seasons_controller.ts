import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SEASONS, type Season } from '#models/anime'
import ApiException from '#exceptions/api_exception'
import CatalogService from '#services/catalog_service'
import { seasonQueryValidator } from '#validators/anime'
import { cacheable } from '#helpers/http_cache'

@inject()
export default class AnimeSeasonsController {
  constructor(protected catalog: CatalogService) {}

  /** The anime of one season; a season that cannot exist is a 404 (rule 25). */
  async show(ctx: HttpContext) {
    const season = String(ctx.params.season).toUpperCase()
    const year = Number(ctx.params.year)
    if (!(SEASONS as readonly string[]).includes(season) || year < 1900 || year > 2100) {
      throw ApiException.notFound('No such season')
    }
    const filters = await seasonQueryValidator.validate(ctx.request.qs())
    const page = await this.catalog.season(
      year,
      season as Season,
      filters,
      CatalogService.viewerOf(ctx.auth.user)
    )
    return cacheable(ctx, page, 60)
  }
}
