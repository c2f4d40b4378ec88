import { test } from '@japa/runner'
import User from '#models/user'
import EmailToken from '#models/email_token'
import { smtpSink, tokenFromMail } from '#tests/helpers/smtp_sink'
import { UserFactory } from '#database/factories/user_factory'

const signup = (overrides: Record<string, unknown> = {}) => ({
  email: '  Rin@Example.com ',
  username: 'rin_tohsaka',
  password: 'gem magecraft 2004',
  displayName: 'Rin',
  ...overrides,
})

test.group('Signup and email verification', () => {
  test('signup answers 201 with the user and tokens and mails the verification link', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/api/v1/auth/signup').json(signup())
    response.assertStatus(201)
    const { user, tokens } = response.body()
    assert.equal(user.email, 'rin@example.com')
    assert.equal(user.username, 'rin_tohsaka')
    assert.isFalse(user.emailVerified)
    assert.deepEqual(user.preferences, { listVisibility: 'public', showAdult: false })
    assert.equal(tokens.tokenType, 'Bearer')
    assert.match(tokens.accessToken, /^oat_/)
    assert.isString(tokens.refreshToken)

    const mail = await smtpSink.waitFor('rin@example.com')
    assert.match(mail.text!, /http:\/\/frontend\.test\/verify-email\?token=[\w-]+/)
    assert.include(mail.html as string, '/verify-email?token=')
  })

  test('the token from the mail verifies the email once', async ({ client, assert }) => {
    await client.post('/api/v1/auth/signup').json(signup())
    const token = tokenFromMail(await smtpSink.waitFor('rin@example.com'), 'verify-email')

    const verified = await client.post('/api/v1/auth/email/verify').json({ token })
    verified.assertStatus(200)
    assert.isTrue(verified.body().user.emailVerified)

    const again = await client.post('/api/v1/auth/email/verify').json({ token })
    again.assertStatus(400)
    assert.equal(again.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('an expired or unknown verification token answers 400', async ({ client, assert }) => {
    await client.post('/api/v1/auth/signup').json(signup())
    const token = tokenFromMail(await smtpSink.waitFor('rin@example.com'), 'verify-email')
    const user = await User.findByOrFail('email', 'rin@example.com')
    await EmailToken.query()
      .where('userId', user.id)
      .update({ expiresAt: new Date(Date.now() - 1000) })

    const expired = await client.post('/api/v1/auth/email/verify').json({ token })
    expired.assertStatus(400)
    const unknown = await client.post('/api/v1/auth/email/verify').json({ token: 'nope' })
    unknown.assertStatus(400)
    assert.equal(unknown.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('a mail server that refuses mail does not change signup', async ({ client, assert }) => {
    smtpSink.mode = 'refuse'
    const response = await client.post('/api/v1/auth/signup').json(signup())
    response.assertStatus(201)
    assert.isTrue(response.body().user.id > 0)
  })

  test('a mail refused by the server is retried with back-off until it goes through', async ({
    client,
    assert,
  }) => {
    smtpSink.mode = 'refuse'
    await client.post('/api/v1/auth/signup').json(signup())
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(smtpSink.sentTo('rin@example.com'), 0)
    smtpSink.mode = 'accept'
    const mail = await smtpSink.waitFor('rin@example.com', 8000)
    assert.include(mail.text!, '/verify-email?token=')
  }).timeout(15_000)

  test('a mail server that hangs does not slow signup down', async ({ client, assert }) => {
    smtpSink.mode = 'hang'
    const startedAt = Date.now()
    const response = await client.post('/api/v1/auth/signup').json(signup())
    response.assertStatus(201)
    // The SMTP client waits 10 s for a hung server; the request must not wait with it.
    assert.isBelow(Date.now() - startedAt, 5000)
  })
})

test.group('Signup validation', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['email is required', { email: undefined }, 'email', 'required'],
    ['email must be an email', { email: 'nope' }, 'email', 'email'],
    ['username is required', { username: undefined }, 'username', 'required'],
    ['username has at least 3 characters', { username: 'ab' }, 'username', 'minLength'],
    ['username has at most 30 characters', { username: 'a'.repeat(31) }, 'username', 'maxLength'],
    ['username is letters, digits and _', { username: 'bad-name' }, 'username', 'regex'],
    ['password is required', { password: undefined }, 'password', 'required'],
    ['password has at least 8 characters', { password: 'short1' }, 'password', 'minLength'],
    ['password has at most 128 characters', { password: 'x'.repeat(129) }, 'password', 'maxLength'],
    ['password is not a common one', { password: 'password123' }, 'password', 'commonPassword'],
    [
      'password is not the username',
      { username: 'sakura_kinomoto', password: 'Sakura_Kinomoto' },
      'password',
      'notIdentity',
    ],
    [
      'password is not the email',
      { email: 'cardcaptor@example.com', password: 'cardcaptor@example.com' },
      'password',
      'notIdentity',
    ],
    [
      'displayName has at most 60 characters',
      { displayName: 'x'.repeat(61) },
      'displayName',
      'maxLength',
    ],
    ['email must be a string', { email: 42 }, 'email', 'string'],
  ]

  for (const [requirement, overrides, field, rule] of cases) {
    test(`${requirement} (422 ${field}/${rule})`, async ({ client, assert }) => {
      const response = await client.post('/api/v1/auth/signup').json(signup(overrides))
      response.assertStatus(422)
      const error = response.body().errors.find((item: { field: string }) => item.field === field)
      assert.deepInclude(error, { code: 'E_VALIDATION', field, rule })
    })
  }

  test('a taken email answers 422 unique, whatever its case', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'rin@example.com' }).create()
    const response = await client.post('/api/v1/auth/signup').json(signup())
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], { field: 'email', rule: 'unique' })
  })

  test('a taken username answers 422 unique, case-insensitively', async ({ client, assert }) => {
    await UserFactory.merge({ username: 'Rin_Tohsaka' }).create()
    const response = await client.post('/api/v1/auth/signup').json(signup())
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], { field: 'username', rule: 'unique' })
  })

  test('a password is taken exactly as typed, spaces included', async ({ client }) => {
    await client.post('/api/v1/auth/signup').json(signup({ password: '  spaced out pass  ' }))
    const trimmed = await client
      .post('/api/v1/auth/login')
      .json({ login: 'rin_tohsaka', password: 'spaced out pass' })
    trimmed.assertStatus(401)
    const exact = await client
      .post('/api/v1/auth/login')
      .json({ login: 'rin_tohsaka', password: '  spaced out pass  ' })
    exact.assertStatus(200)
  })

  test('unknown properties are ignored, never stored', async ({ client, assert }) => {
    const response = await client.post('/api/v1/auth/signup').json(signup({ role: 'admin' }))
    response.assertStatus(201)
    assert.equal(response.body().user.role, 'user')
  })
})
