import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import RequestsInFlight from '#services/requests_in_flight'

/**
 * Counts every request from its start to the end of its handling, whether or not the client
 * is still there to read the answer (see ShutdownProvider).
 */
@inject()
export default class RequestsInFlightMiddleware {
  constructor(protected inFlight: RequestsInFlight) {}

  async handle(_ctx: HttpContext, next: NextFn) {
    this.inFlight.started()
    try {
      return await next()
    } finally {
      this.inFlight.finished()
    }
  }
}
