import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SecurityLogService from '#services/security_log_service'
import SecurityEventTransformer from '#transformers/security_event_transformer'
import { paginationValidator } from '#validators/pagination'
import { pageMeta } from '#helpers/pagination'

@inject()
export default class SecurityEventsController {
  constructor(protected securityLog: SecurityLogService) {}

  async index(ctx: HttpContext) {
    const { page = 1, perPage = 20 } = await paginationValidator.validate(ctx.request.qs())
    const events = await this.securityLog.paginate(ctx.auth.getUserOrFail(), page, perPage)
    return ctx.serializePage(SecurityEventTransformer.transform(events.all()), pageMeta(events))
  }
}
