import { test } from '@japa/runner'
import SecurityEvent from '#models/security_event'
import { PASSWORD, signedInUser } from '#tests/helpers/accounts'
import { smtpSink, tokenFromMail } from '#tests/helpers/smtp_sink'
import { expectStatus } from '#tests/helpers/http'

test.group('Password reset', () => {
  test('an unknown email still answers 202 and no mail goes out', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/password/forgot')
      .json({ email: 'ghost@example.com' })
    response.assertStatus(202)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(smtpSink.sentTo('ghost@example.com'), 0)
  })

  test('forgot → mail → reset: the new password works and old sessions are dead', async ({
    client,
    assert,
  }) => {
    const { user, token, tokens } = await signedInUser()
    await expectStatus(client.post('/api/v1/auth/password/forgot').json({ email: user.email }), 202)
    const mail = await smtpSink.waitFor(user.email)
    assert.include(mail.html as string, 'http://frontend.test/reset-password?token=')
    const resetToken = tokenFromMail(mail, 'reset-password')

    const reset = await client
      .post('/api/v1/auth/password/reset')
      .json({ token: resetToken, password: 'a brand new passphrase' })
    reset.assertStatus(204)

    await expectStatus(client.get('/api/v1/me').bearerToken(token), 401)
    await expectStatus(
      client.post('/api/v1/auth/refresh').json({ refreshToken: tokens.refreshToken }),
      400
    )
    const oldLogin = await client
      .post('/api/v1/auth/login')
      .json({ login: user.email, password: PASSWORD })
    oldLogin.assertStatus(401)
    const newLogin = await client
      .post('/api/v1/auth/login')
      .json({ login: user.email, password: 'a brand new passphrase' })
    newLogin.assertStatus(200)

    const again = await client
      .post('/api/v1/auth/password/reset')
      .json({ token: resetToken, password: 'another new passphrase' })
    again.assertStatus(400)
    assert.equal(again.body().errors[0].code, 'E_BAD_REQUEST')
    assert.exists(await SecurityEvent.findBy({ userId: user.id, type: 'password_reset' }))
  })

  test('a bad reset token answers 400', async ({ client }) => {
    const response = await client
      .post('/api/v1/auth/password/reset')
      .json({ token: 'not-a-token', password: 'a brand new passphrase' })
    response.assertStatus(400)
  })

  test('more than 3 requests an hour for one email still answer 202 but send nothing more', async ({
    client,
    assert,
  }) => {
    const { user } = await signedInUser()
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expectStatus(
        client.post('/api/v1/auth/password/forgot').json({ email: user.email }),
        202
      )
    }
    await smtpSink.waitFor(user.email)
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(smtpSink.sentTo(user.email), 3)
  })
})

test.group('Password change', () => {
  test('changing the password ends every other session', async ({ client }) => {
    const { user, token } = await signedInUser()
    const other = await client
      .post('/api/v1/auth/login')
      .json({ login: user.username, password: PASSWORD })
    const otherToken = other.body().tokens.accessToken

    const response = await client
      .post('/api/v1/auth/password/change')
      .bearerToken(token)
      .json({ currentPassword: PASSWORD, newPassword: 'a different passphrase' })
    response.assertStatus(204)
    await expectStatus(client.get('/api/v1/me').bearerToken(token), 200)
    await expectStatus(client.get('/api/v1/me').bearerToken(otherToken), 401)
  })

  test('a wrong current password answers 422 on currentPassword and counts as a failed login', async ({
    client,
    assert,
  }) => {
    const { user, token } = await signedInUser()
    const response = await client
      .post('/api/v1/auth/password/change')
      .bearerToken(token)
      .json({ currentPassword: 'not my password', newPassword: 'a different passphrase' })
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], {
      field: 'currentPassword',
      code: 'E_VALIDATION',
    })
    assert.exists(await SecurityEvent.findBy({ userId: user.id, type: 'login_failure' }))
  })

  test('the new password may not be the username', async ({ client, assert }) => {
    const { user, token } = await signedInUser({ username: 'illyasviel_1' })
    const response = await client
      .post('/api/v1/auth/password/change')
      .bearerToken(token)
      .json({ currentPassword: PASSWORD, newPassword: user.username.toUpperCase() })
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], { field: 'newPassword', rule: 'notIdentity' })
  })
})
