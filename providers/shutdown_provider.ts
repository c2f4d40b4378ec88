import type { ApplicationService } from '@adonisjs/core/types'
import RequestsInFlight from '#services/requests_in_flight'

/** How long shutdown waits for running requests (Docker stops a container after 10 s). */
const DRAIN_TIMEOUT_MS = 8000

/**
 * Registered last, so it shuts down first (providers stop in reverse order): once the HTTP
 * server has stopped accepting requests, it waits for those still being handled before the
 * view counter, the mail queue, Redis and the database pool close.
 */
export default class ShutdownProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(RequestsInFlight, () => new RequestsInFlight())
  }

  async shutdown() {
    const inFlight = await this.app.container.make(RequestsInFlight)
    if (await inFlight.drained(DRAIN_TIMEOUT_MS)) return
    const logger = await this.app.container.make('logger')
    logger.warn({ requests: inFlight.count }, 'shutting down with requests still running')
  }
}
