import { test } from '@japa/runner'
import SecurityEvent from '#models/security_event'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { UserFactory } from '#database/factories/user_factory'
import { expectStatus } from '#tests/helpers/http'

test.group('Login', () => {
  test('logs in by email, in any case', async ({ client, assert }) => {
    const user = await UserFactory.merge({
      email: 'saber@example.com',
      password: PASSWORD,
    }).create()
    const response = await client
      .post('/api/v1/auth/login')
      .json({ login: ' Saber@Example.COM', password: PASSWORD })
    response.assertStatus(200)
    assert.equal(response.body().user.id, user.id)
    assert.match(response.body().tokens.accessToken, /^oat_/)
  })

  test('logs in by username, in any case', async ({ client, assert }) => {
    const user = await UserFactory.merge({ username: 'Archer_EMIYA', password: PASSWORD }).create()
    const response = await client
      .post('/api/v1/auth/login')
      .json({ login: 'archer_emiya', password: PASSWORD })
    response.assertStatus(200)
    assert.equal(response.body().user.username, user.username)
    const event = await SecurityEvent.findByOrFail({ userId: user.id, type: 'login_success' })
    assert.equal(event.ip, '127.0.0.1')
  })

  test('an unknown login and a wrong password answer alike', async ({ client, assert }) => {
    await UserFactory.merge({ username: 'lancer', password: PASSWORD }).create()
    const wrong = await client
      .post('/api/v1/auth/login')
      .json({ login: 'lancer', password: 'nope nope' })
    const unknown = await client
      .post('/api/v1/auth/login')
      .json({ login: 'nobody_here', password: 'nope nope' })
    wrong.assertStatus(401)
    unknown.assertStatus(401)
    assert.deepEqual(wrong.body(), unknown.body())
    assert.equal(wrong.body().errors[0].code, 'E_INVALID_CREDENTIALS')
  })

  test('5 failed logins lock the account for 15 minutes, even for the right password', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ username: 'caster', password: PASSWORD }).create()
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await client
        .post('/api/v1/auth/login')
        .json({ login: 'caster', password: `wrong ${attempt}` })
      response.assertStatus(401)
    }
    const locked = await client
      .post('/api/v1/auth/login')
      .json({ login: 'caster', password: PASSWORD })
    locked.assertStatus(423)
    assert.equal(locked.body().errors[0].code, 'E_ACCOUNT_LOCKED')
    const retryAfter = Number(locked.header('retry-after'))
    assert.isAbove(retryAfter, 800)
    assert.isAtMost(retryAfter, 900)

    const byEmail = await client
      .post('/api/v1/auth/login')
      .json({ login: user.email, password: PASSWORD })
    byEmail.assertStatus(423)
    assert.exists(await SecurityEvent.findBy({ userId: user.id, type: 'account_locked' }))
  })

  test('the login limiter allows 10 attempts a minute per IP', async ({ client, assert }) => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await client
        .post('/api/v1/auth/login')
        .json({ login: `someone_${attempt}`, password: 'whatever it is' })
      response.assertStatus(401)
    }
    const limited = await client.post('/api/v1/auth/login').json({ login: 'x', password: 'y' })
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.exists(limited.header('retry-after'))
    limited.assertHeader('x-ratelimit-limit', '10')
    limited.assertHeader('x-ratelimit-remaining', '0')
  })
})

test.group('Logout and sessions', () => {
  test('logout makes the same access token answer 401 at once', async ({ client }) => {
    const { token } = await signedInUser()
    await expectStatus(client.get('/api/v1/me').bearerToken(token), 200)
    await expectStatus(client.post('/api/v1/auth/logout').bearerToken(token), 204)
    const after = await client.get('/api/v1/me').bearerToken(token)
    after.assertStatus(401)
    after.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED' }] })
  })

  test('logout-all ends every session of the user and logs it', async ({ client, assert }) => {
    const first = await signedInUser()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ login: first.user.username, password: PASSWORD })
    const second = login.body().tokens
    await expectStatus(client.post('/api/v1/auth/logout-all').bearerToken(first.token), 204)
    await expectStatus(client.get('/api/v1/me').bearerToken(first.token), 401)
    await expectStatus(client.get('/api/v1/me').bearerToken(second.accessToken), 401)
    const refresh = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: second.refreshToken })
    refresh.assertStatus(400)
    const logged = await SecurityEvent.query().where({ userId: first.user.id, type: 'logout' })
    assert.lengthOf(logged, 1)
  })

  test('sessions lists the devices with the current one marked', async ({ client, assert }) => {
    const { user, token, session } = await signedInUser()
    await client
      .post('/api/v1/auth/login')
      .header('user-agent', 'OtherDevice/1.0')
      .json({ login: user.username, password: PASSWORD })
    const response = await client.get('/api/v1/auth/sessions').bearerToken(token)
    response.assertStatus(200)
    const sessions = response.body().data
    assert.lengthOf(sessions, 2)
    const current = sessions.find((item: { current: boolean }) => item.current)
    assert.equal(current.id, session.id)
    assert.includeMembers(
      sessions.map((item: { userAgent: string }) => item.userAgent),
      ['japa', 'OtherDevice/1.0']
    )
  })

  test('revoking a session ends its tokens; another user’s session is a 404', async ({
    client,
    assert,
  }) => {
    const owner = await signedInUser()
    const other = await signedInUser()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ login: owner.user.username, password: PASSWORD })
    const laptop = login.body().tokens
    const sessions = await client.get('/api/v1/auth/sessions').bearerToken(owner.token)
    const laptopSession = sessions.body().data.find((item: { current: boolean }) => !item.current)

    const foreign = await client
      .delete(`/api/v1/auth/sessions/${other.session.id}`)
      .bearerToken(owner.token)
    foreign.assertStatus(404)
    await expectStatus(client.get('/api/v1/me').bearerToken(other.token), 200)

    const revoked = await client
      .delete(`/api/v1/auth/sessions/${laptopSession.id}`)
      .bearerToken(owner.token)
    revoked.assertStatus(204)
    await expectStatus(client.get('/api/v1/me').bearerToken(laptop.accessToken), 401)
    await expectStatus(client.get('/api/v1/me').bearerToken(owner.token), 200)
    assert.exists(await SecurityEvent.findBy({ userId: owner.user.id, type: 'session_revoked' }))
  })

  test('a non-numeric session id is a 404', async ({ client }) => {
    const { token } = await signedInUser()
    await expectStatus(client.delete('/api/v1/auth/sessions/abc').bearerToken(token), 404)
  })

  test('a garbage or missing bearer token answers 401', async ({ client }) => {
    await expectStatus(client.get('/api/v1/me'), 401)
    await expectStatus(client.get('/api/v1/me').bearerToken('oat_garbage'), 401)
  })
})

test.group('Refresh tokens', () => {
  test('refresh rotates: new tokens come back and the old refresh token is spent', async ({
    client,
    assert,
  }) => {
    const { tokens } = await signedInUser()
    const rotated = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: tokens.refreshToken })
    rotated.assertStatus(200)
    const fresh = rotated.body().tokens
    assert.notEqual(fresh.refreshToken, tokens.refreshToken)
    assert.notEqual(fresh.accessToken, tokens.accessToken)
    await expectStatus(client.get('/api/v1/me').bearerToken(fresh.accessToken), 200)

    const next = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: fresh.refreshToken })
    next.assertStatus(200)
  })

  test('reusing a rotated refresh token ends the whole session and is logged', async ({
    client,
    assert,
  }) => {
    const { user, tokens } = await signedInUser()
    const rotated = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: tokens.refreshToken })
    const fresh = rotated.body().tokens

    const reuse = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: tokens.refreshToken })
    reuse.assertStatus(400)
    assert.equal(reuse.body().errors[0].code, 'E_BAD_REQUEST')

    await expectStatus(client.get('/api/v1/me').bearerToken(fresh.accessToken), 401)
    await expectStatus(client.get('/api/v1/me').bearerToken(tokens.accessToken), 401)
    const afterReuse = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: fresh.refreshToken })
    afterReuse.assertStatus(400)
    assert.exists(await SecurityEvent.findBy({ userId: user.id, type: 'refresh_token_reuse' }))
  })

  test('an unknown refresh token answers 400', async ({ client }) => {
    const response = await client.post('/api/v1/auth/refresh').json({ refreshToken: 'rt_unknown' })
    response.assertStatus(400)
  })
})
