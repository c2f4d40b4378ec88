import { EventEmitter, once } from 'node:events'

/**
 * The requests this process is handling, so that shutdown can wait for them before it closes
 * PostgreSQL and Redis: a request whose client hung up (a timed-out proxy, a closed tab) still
 * finishes its work instead of failing half-way on a closed pool. One per process.
 */
export default class RequestsInFlight {
  #count = 0
  #events = new EventEmitter()

  get count() {
    return this.#count
  }

  started() {
    this.#count += 1
  }

  finished() {
    this.#count -= 1
    if (this.#count === 0) this.#events.emit('drained')
  }

  /** Resolves true once no request is in flight, false when `timeoutMs` passed first. */
  async drained(timeoutMs: number) {
    if (this.#count === 0) return true
    try {
      await once(this.#events, 'drained', { signal: AbortSignal.timeout(timeoutMs) })
      return true
    } catch {
      return false
    }
  }
}
