import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import SecurityEvent from '#models/security_event'
import User from '#models/user'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { UserFactory } from '#database/factories/user_factory'
import { expectStatus } from '#tests/helpers/http'

test.group('Profile', () => {
  test('GET /me answers the owner’s User resource', async ({ client, assert }) => {
    const { user, token } = await signedInUser()
    const response = await client.get('/api/v1/me').bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.body().user.email, user.email)
    assert.isTrue(response.body().user.emailVerified)
  })

  test('PATCH /me updates the profile and merges preferences', async ({ client, assert }) => {
    const { token } = await signedInUser()
    const response = await client
      .patch('/api/v1/me')
      .bearerToken(token)
      .json({
        displayName: '  Misato  ',
        bio: 'Major of NERV',
        avatarUrl: 'https://img.example/misato.png',
        preferences: { showAdult: true },
      })
    response.assertStatus(200)
    const { user } = response.body()
    assert.equal(user.displayName, 'Misato')
    assert.equal(user.bio, 'Major of NERV')
    assert.deepEqual(user.preferences, { listVisibility: 'public', showAdult: true })
  })

  test('PATCH /me rejects a taken username and bad values with 422', async ({ client, assert }) => {
    await UserFactory.merge({ username: 'Shinji' }).create()
    const { token } = await signedInUser()
    const taken = await client.patch('/api/v1/me').bearerToken(token).json({ username: 'shinji' })
    taken.assertStatus(422)
    assert.deepInclude(taken.body().errors[0], { field: 'username', rule: 'unique' })

    const bad = await client
      .patch('/api/v1/me')
      .bearerToken(token)
      .json({ avatarUrl: 'javascript:alert(1)', preferences: { listVisibility: 'everyone' } })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['avatarUrl', 'preferences.listVisibility'])
  })

  test('PATCH /me may change the case of one’s own username', async ({ client, assert }) => {
    const { token } = await signedInUser({ username: 'asuka_langley' })
    const response = await client
      .patch('/api/v1/me')
      .bearerToken(token)
      .json({ username: 'Asuka_Langley' })
    response.assertStatus(200)
    assert.equal(response.body().user.username, 'Asuka_Langley')
  })

  test('a role change applies to the next request, whatever token it carries', async ({
    client,
    assert,
  }) => {
    const { user, token } = await signedInUser()
    await User.query().where('id', user.id).update({ role: 'admin' })
    const response = await client.get('/api/v1/me').bearerToken(token)
    assert.equal(response.body().user.role, 'admin')
  })

  test('resend mails a new verification link; 202', async ({ client, assert }) => {
    const { user, token } = await signedInUser({ verified: false })
    const response = await client.post('/api/v1/auth/email/resend').bearerToken(token)
    response.assertStatus(202)
    const mail = await smtpSink.waitFor(user.email)
    assert.include(mail.text!, '/verify-email?token=')
  })

  test('resend is limited to 3 an hour per user', async ({ client }) => {
    const { token } = await signedInUser({ verified: false })
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expectStatus(client.post('/api/v1/auth/email/resend').bearerToken(token), 202)
    }
    await expectStatus(client.post('/api/v1/auth/email/resend').bearerToken(token), 429)
  })
})

test.group('Public profiles', () => {
  test('GET /users/:username shows only public fields', async ({ client, assert }) => {
    const { user } = await signedInUser({ username: 'Rei_Ayanami' })
    const response = await client.get('/api/v1/users/rei_ayanami')
    response.assertStatus(200)
    assert.equal(response.body().user.username, user.username)
    assert.notProperty(response.body().user, 'email')
    assert.notProperty(response.body().user, 'role')
    assert.notProperty(response.body().user, 'id')
  })

  test('an unknown username is a 404', async ({ client }) => {
    await expectStatus(client.get('/api/v1/users/nobody_at_all'), 404)
  })

  test('username availability is case-insensitive and false for invalid names', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ username: 'Kaworu' }).create()
    const taken = await client.get('/api/v1/usernames/KAWORU/availability')
    assert.isFalse(taken.body().available)
    const free = await client.get('/api/v1/usernames/gendo_ikari/availability')
    assert.isTrue(free.body().available)
    const invalid = await client.get('/api/v1/usernames/no-dashes/availability')
    assert.isFalse(invalid.body().available)
  })
})

test.group('Security events', () => {
  test('the owner reads their security log, newest first, paginated', async ({
    client,
    assert,
  }) => {
    const { user, token } = await signedInUser()
    await client
      .post('/api/v1/auth/login')
      .json({ login: user.username, password: 'wrong password' })
    await client.post('/api/v1/auth/login').json({ login: user.username, password: PASSWORD })
    const response = await client
      .get('/api/v1/me/security-events')
      .qs({ perPage: 1 })
      .bearerToken(token)
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 1)
    assert.equal(response.body().data[0].type, 'login_success')
    assert.equal(response.body().data[0].ip, '127.0.0.1')
    assert.deepEqual(response.body().meta, { total: 2, perPage: 1, currentPage: 1, lastPage: 2 })
  })

  test('pagination bounds answer 422, never clamped', async ({ client }) => {
    const { token } = await signedInUser()
    for (const qs of [{ perPage: 0 }, { perPage: 101 }, { page: 'abc' }, { page: 0 }]) {
      const response = await client.get('/api/v1/me/security-events').qs(qs).bearerToken(token)
      response.assertStatus(422)
    }
  })
})

test.group('GDPR export and erasure', () => {
  test('the export holds the profile, sessions and security events as an attachment', async ({
    client,
    assert,
  }) => {
    const { user, token } = await signedInUser()
    await client.post('/api/v1/auth/login').json({ login: user.username, password: PASSWORD })
    const response = await client.get('/api/v1/me/export').bearerToken(token)
    response.assertStatus(200)
    assert.match(response.header('content-disposition') ?? '', /^attachment; filename=/)
    const body = response.body()
    assert.equal(body.profile.email, user.email)
    assert.lengthOf(body.sessions, 2)
    assert.equal(body.securityEvents[0].type, 'login_success')
  })

  test('DELETE /me with a wrong password answers 422 on password', async ({ client, assert }) => {
    const { token } = await signedInUser()
    const response = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: 'nope nope' })
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], { field: 'password' })
  })

  test('DELETE /me erases every row with the email, username or ip and keeps an anonymous event', async ({
    client,
    assert,
  }) => {
    const { user, token } = await signedInUser({
      email: 'yui.ikari@example.com',
      username: 'yui_ikari',
    })
    await client.post('/api/v1/auth/login').json({ login: user.username, password: 'wrong one!' })
    const response = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: PASSWORD })
    response.assertStatus(204)

    for (const table of [
      'users',
      'user_sessions',
      'security_events',
      'auth_access_tokens',
      'email_tokens',
    ]) {
      const rows = await db.from(table).select('*')
      const text = JSON.stringify(rows)
      assert.notInclude(text, 'yui.ikari@example.com', table)
      assert.notInclude(text, 'yui_ikari', table)
      assert.notInclude(text, '127.0.0.1', table)
    }
    const deleted = await SecurityEvent.query().where('type', 'account_deleted')
    assert.lengthOf(deleted, 1)
    assert.isNull(deleted[0].userId)
    assert.isString(deleted[0].meta.anonymousId)

    await expectStatus(client.get('/api/v1/me').bearerToken(token), 401)
    const login = await client
      .post('/api/v1/auth/login')
      .json({ login: 'yui_ikari', password: PASSWORD })
    login.assertStatus(401)
  })
})
