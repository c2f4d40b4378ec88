import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogService from '#services/catalog_service'
import TrendingService from '#services/trending_service'
import { trendingValidator } from '#validators/anime'
import { cacheable } from '#helpers/http_cache'

@inject()
export default class TrendingAnimeController {
  constructor(protected trending: TrendingService) {}

  async index(ctx: HttpContext) {
    const { limit = 20 } = await trendingValidator.validate(ctx.request.qs())
    const answer = await this.trending.current(limit, CatalogService.viewerOf(ctx.auth.user))
    return cacheable(ctx, answer, 60)
  }
}
