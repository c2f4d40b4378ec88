import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { AppProcess } from '#tests/helpers/app_process'
import { expectStatus } from '#tests/helpers/http'

test.group('Health', () => {
  test('/health answers ok while the process is up', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('/health/ready answers 200 when PostgreSQL and Redis answer', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.equal(response.body().checks.postgres.status, 'ok')
    assert.equal(response.body().checks.redis.status, 'ok')
    assert.isNumber(response.body().checks.redis.latencyMs)
  })

  test('/health/ready answers 503 naming redis when Redis is unreachable', async ({
    assert,
    cleanup,
  }) => {
    const instance = await new AppProcess(3341, { REDIS_PORT: '1' }).start()
    cleanup(() => instance.stop())
    const response = await fetch(`${instance.url}/health/ready`)
    assert.equal(response.status, 503)
    const body = (await response.json()) as { status: string; checks: Record<string, any> }
    assert.equal(body.status, 'error')
    assert.equal(body.checks.redis.status, 'error')
    assert.equal(body.checks.postgres.status, 'ok')
  }).timeout(40_000)
})

test.group('Dependency outages', () => {
  /** The contract's 503: an envelope with E_SERVICE_UNAVAILABLE and a Retry-After. */
  async function assertUnavailable(response: Response, assert: Assert) {
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('retry-after'), '5')
    const body = (await response.json()) as { errors: { code: string; message: string }[] }
    assert.equal(body.errors[0].code, 'E_SERVICE_UNAVAILABLE')
    assert.notInclude(body.errors[0].message, 'ECONNREFUSED')
  }

  test('with Redis down an API request answers 503 and Retry-After, not a 500', async ({
    assert,
    cleanup,
  }) => {
    const instance = await new AppProcess(3346, { REDIS_PORT: '1' }).start()
    cleanup(() => instance.stop())
    await assertUnavailable(await fetch(`${instance.url}/api/v1/genres`), assert)
  }).timeout(40_000)

  test('with PostgreSQL down an API request answers 503 and Retry-After, not a 500', async ({
    assert,
    cleanup,
  }) => {
    const instance = await new AppProcess(3347, { DB_PORT: '1' }).start()
    cleanup(() => instance.stop())
    await assertUnavailable(await fetch(`${instance.url}/api/v1/genres`), assert)
    await assertUnavailable(await fetch(`${instance.url}/api/v1/anime/1`), assert)
  }).timeout(40_000)
})

test.group('Shutdown', () => {
  test('SIGTERM lets a running request finish its work, even after its client hung up', async ({
    assert,
    cleanup,
  }) => {
    const instance = await new AppProcess(3348).start()
    cleanup(() => instance.stop())
    // A connection of our own, outside the test's transaction: the app commits for real.
    const settings = app.config.get<string | pg.ClientConfig>(
      'database.connections.postgres.connection'
    )
    const locker = new pg.Client(
      typeof settings === 'string' ? { connectionString: settings } : settings
    )
    await locker.connect()
    cleanup(async () => {
      await locker.query(`delete from users where username = 'drained_signup'`)
      await locker.end()
    })

    // While we hold the users table, the signup waits inside the app.
    await locker.query('begin')
    await locker.query('lock table users in access exclusive mode')
    const gaveUp = await fetch(`${instance.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'drained@example.com',
        username: 'drained_signup',
        password: 'correct horse battery staple',
      }),
      signal: AbortSignal.timeout(500),
    }).catch((error: Error) => error)
    assert.instanceOf(gaveUp, Error)

    const exitCode = instance.terminate()
    await new Promise((resolve) => setTimeout(resolve, 500))
    await locker.query('commit')
    assert.equal(await exitCode, 0)
    const { rowCount } = await locker.query(`select 1 from users where username = 'drained_signup'`)
    assert.equal(rowCount, 1)
  }).timeout(40_000)
})

test.group('Start-up', () => {
  test('start-up without APP_KEY exits non-zero naming it', async ({ assert }) => {
    const instance = new AppProcess(3342, { APP_KEY: '' })
    const exitCode = await instance.run()
    assert.notEqual(exitCode, 0)
    assert.include(instance.output, 'APP_KEY')
  }).timeout(30_000)

  test('start-up with a malformed duration exits non-zero naming it', async ({ assert }) => {
    const instance = new AppProcess(3343, { ACCESS_TOKEN_TTL: 'soon' })
    const exitCode = await instance.run()
    assert.notEqual(exitCode, 0)
    assert.include(instance.output, 'ACCESS_TOKEN_TTL')
  }).timeout(30_000)
})

test.group('Global rate limit', () => {
  test('the 101st request of one client in the window answers 429, counted across two processes', async ({
    client,
    assert,
    cleanup,
  }) => {
    const second = await new AppProcess(3344).start()
    cleanup(() => second.stop())

    for (let index = 0; index < 60; index++) {
      const response = await client.get('/api/v1/usernames/someone/availability')
      response.assertStatus(200)
    }
    for (let index = 0; index < 40; index++) {
      const response = await fetch(`${second.url}/api/v1/usernames/someone/availability`)
      assert.equal(response.status, 200)
    }
    const last = await client.get('/api/v1/usernames/someone/availability')
    last.assertHeader('x-ratelimit-limit', '100')
    const limited = await fetch(`${second.url}/api/v1/usernames/someone/availability`)
    assert.equal(limited.status, 429)
    assert.isAbove(Number(limited.headers.get('retry-after')), 0)
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0')
    const body = (await limited.json()) as { errors: { code: string }[] }
    assert.equal(body.errors[0].code, 'E_TOO_MANY_REQUESTS')
  }).timeout(60_000)

  test('/health and /metrics are never limited', async ({ client }) => {
    for (let index = 0; index < 110; index++) {
      const response = await client.get('/health')
      response.assertStatus(200)
    }
    await expectStatus(client.get('/metrics'), 200)
  })
})

test.group('Metrics', (group) => {
  group.each.teardown(() => env.set('METRICS_TOKEN', ''))

  test('the request histogram is labelled by route pattern, not raw URL', async ({
    client,
    assert,
  }) => {
    await client.get('/api/v1/usernames/misato_katsuragi/availability')
    const response = await client.get('/metrics')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/plain')
    const text = response.text()
    assert.include(text, 'http_request_duration_seconds_bucket')
    assert.include(text, 'route="/api/v1/usernames/:username/availability"')
    assert.notInclude(text, 'misato_katsuragi')
    assert.include(text, 'db_slow_queries_total')
    assert.include(text, 'process_cpu_user_seconds_total')
  })

  test('with METRICS_TOKEN set, /metrics answers 401 without it', async ({ client }) => {
    env.set('METRICS_TOKEN', 'scrape-me')
    await expectStatus(client.get('/metrics'), 401)
    await expectStatus(client.get('/metrics').bearerToken('wrong'), 401)
    await expectStatus(client.get('/metrics').bearerToken('scrape-me'), 200)
  })
})
