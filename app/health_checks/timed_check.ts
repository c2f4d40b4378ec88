import { BaseCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'

/** A dependency that does not answer within this time counts as down. */
const TIMEOUT_MS = 2000

/**
 * A readiness check that pings one dependency, times it and gives up after a timeout,
 * so that a hung connection answers 503 quickly instead of hanging the probe.
 */
export default abstract class TimedCheck extends BaseCheck {
  protected abstract ping(): Promise<unknown>

  async run(): Promise<HealthCheckResult> {
    const startedAt = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        this.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
        }),
      ])
      return Result.ok(`${this.name} answered`).mergeMetaData({
        latencyMs: Math.round((performance.now() - startedAt) * 100) / 100,
      })
    } catch (error) {
      return Result.failed(`${this.name} is unreachable`, error as Error).mergeMetaData({
        latencyMs: Math.round(performance.now() - startedAt),
      })
    } finally {
      clearTimeout(timer)
    }
  }
}
