import { assert } from '@japa/assert'
import { ApiClient, apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import redis from '@adonisjs/redis/services/main'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { openApiContract } from '#tests/helpers/openapi'

/**
 * Japa entry point (imported by bin/test.ts). Tests run against the test database
 * (`animesenpai_test`) and Redis database 1, set in `.env.test`.
 */
export const plugins: Config['plugins'] = [assert(), pluginAdonisJS(app), apiClient()]

/**
 * Every answer a test receives must match the OpenAPI document (route, status, body).
 */
ApiClient.teardown((response) => openApiContract.assert(response))

/**
 * Before every test: migrate once, start the SMTP sink; after: stop it.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate(), () => smtpSink.start()],
  teardown: [() => smtpSink.stop()],
}

/**
 * Every test starts with empty rate-limit counters and cache (Redis DB of the tests) and
 * an empty mailbox, and runs in a transaction rolled back after it; functional tests also
 * get the HTTP server.
 */
export const configureSuite: Config['configureSuite'] = (suite) => {
  suite.onTest((test) => test.setup(isolate))
  suite.onGroup((group) => group.each.setup(isolate))
  if (suite.name === 'functional') {
    return suite.setup(() => testUtils.httpServer().start())
  }
}

/** Clean Redis and mailbox, and a database transaction rolled back after the test. */
async function isolate() {
  await redis.flushdb()
  smtpSink.reset()
  return testUtils.db().withGlobalTransaction()
}
