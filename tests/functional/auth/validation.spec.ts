import { test } from '@japa/runner'
import { signedInUser, PASSWORD } from '#tests/helpers/accounts'

type Case = [string, string, string, Record<string, unknown>, string, string]

/** [requirement, method, path, body, field, rule] for routes that need no token. */
const publicCases: Case[] = [
  ['login is required', 'post', '/api/v1/auth/login', { password: 'x' }, 'login', 'required'],
  [
    'login password is required',
    'post',
    '/api/v1/auth/login',
    { login: 'x' },
    'password',
    'required',
  ],
  [
    'login must be a string',
    'post',
    '/api/v1/auth/login',
    { login: 7, password: 'x' },
    'login',
    'string',
  ],
  ['refreshToken is required', 'post', '/api/v1/auth/refresh', {}, 'refreshToken', 'required'],
  ['verification token is required', 'post', '/api/v1/auth/email/verify', {}, 'token', 'required'],
  [
    'forgot email must be an email',
    'post',
    '/api/v1/auth/password/forgot',
    { email: 'nope' },
    'email',
    'email',
  ],
  [
    'reset token is required',
    'post',
    '/api/v1/auth/password/reset',
    { password: 'long enough pass' },
    'token',
    'required',
  ],
  [
    'reset password has 8+ characters',
    'post',
    '/api/v1/auth/password/reset',
    { token: 't', password: 'short' },
    'password',
    'minLength',
  ],
  [
    'reset password is not common',
    'post',
    '/api/v1/auth/password/reset',
    { token: 't', password: 'qwerty123' },
    'password',
    'commonPassword',
  ],
]

/** The same for routes of a signed-in user. */
const privateCases: Case[] = [
  [
    'new password has 8+ characters',
    'post',
    '/api/v1/auth/password/change',
    { currentPassword: PASSWORD, newPassword: 'short' },
    'newPassword',
    'minLength',
  ],
  [
    'new password has at most 128 characters',
    'post',
    '/api/v1/auth/password/change',
    { currentPassword: PASSWORD, newPassword: 'x'.repeat(129) },
    'newPassword',
    'maxLength',
  ],
  [
    'current password is required',
    'post',
    '/api/v1/auth/password/change',
    { newPassword: 'a fine new passphrase' },
    'currentPassword',
    'required',
  ],
  [
    'displayName has at most 60 characters',
    'patch',
    '/api/v1/me',
    { displayName: 'x'.repeat(61) },
    'displayName',
    'maxLength',
  ],
  [
    'bio has at most 1000 characters',
    'patch',
    '/api/v1/me',
    { bio: 'x'.repeat(1001) },
    'bio',
    'maxLength',
  ],
  [
    'username keeps its pattern on PATCH',
    'patch',
    '/api/v1/me',
    { username: 'no spaces' },
    'username',
    'regex',
  ],
  [
    'avatarUrl must be an http(s) URL',
    'patch',
    '/api/v1/me',
    { avatarUrl: 'ftp://x.example/a.png' },
    'avatarUrl',
    'url',
  ],
  [
    'showAdult must be a boolean',
    'patch',
    '/api/v1/me',
    { preferences: { showAdult: 'yes' } },
    'preferences.showAdult',
    'boolean',
  ],
  [
    'listVisibility is public or private',
    'patch',
    '/api/v1/me',
    { preferences: { listVisibility: 'friends' } },
    'preferences.listVisibility',
    'enum',
  ],
  ['account deletion needs the password', 'delete', '/api/v1/me', {}, 'password', 'required'],
]

test.group('Account input validation', () => {
  for (const [requirement, method, path, body, field, rule] of publicCases) {
    test(`${requirement} (422 ${field}/${rule})`, async ({ client, assert }) => {
      const response = await client.request(path, method.toUpperCase() as 'POST').json(body)
      response.assertStatus(422)
      const error = response.body().errors.find((item: { field: string }) => item.field === field)
      assert.deepInclude(error, { code: 'E_VALIDATION', field, rule })
    })
  }

  for (const [requirement, method, path, body, field, rule] of privateCases) {
    test(`${requirement} (422 ${field}/${rule})`, async ({ client, assert }) => {
      const { token } = await signedInUser()
      const response = await client
        .request(path, method.toUpperCase() as 'POST')
        .bearerToken(token)
        .json(body)
      response.assertStatus(422)
      const error = response.body().errors.find((item: { field: string }) => item.field === field)
      assert.deepInclude(error, { code: 'E_VALIDATION', field, rule })
    })
  }
})
