import { test } from '@japa/runner'

test.group('Errors come out in the contract envelope', () => {
  test('an unknown route answers 404 E_NOT_FOUND', async ({ client, assert }) => {
    const response = await client.get('/api/v1/does-not-exist')
    response.assertStatus(404)
    assert.deepEqual(response.body(), {
      errors: [{ code: 'E_NOT_FOUND', message: 'Resource not found' }],
    })
  })

  test('malformed JSON answers 400 E_BAD_REQUEST', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/login')
      .type('application/json')
      .unsafeJson('{"login": "a", ')
    response.assertStatus(400)
    assert.equal(response.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('a body over 1 MiB answers 413 E_PAYLOAD_TOO_LARGE', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/login')
      .json({ login: 'x'.repeat(2 * 1024 * 1024), password: 'whatever' })
    response.assertStatus(413)
    assert.equal(response.body().errors[0].code, 'E_PAYLOAD_TOO_LARGE')
  })

  test('a validation failure answers 422 with field and rule', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/signup')
      .json({ email: 'not-an-email', username: 'ok_name', password: 'a long enough passphrase' })
    response.assertStatus(422)
    const error = response.body().errors.find((item: { field: string }) => item.field === 'email')
    assert.deepInclude(error, { code: 'E_VALIDATION', field: 'email', rule: 'email' })
  })

  test('a value of the wrong JSON type is a 422, never a 500', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/signup')
      .json({ email: ['a@b.c'], username: { name: 'x' }, password: 12345678 })
    response.assertStatus(422)
    const fields = response.body().errors.map((item: { field: string }) => item.field)
    assert.includeMembers(fields, ['email', 'username', 'password'])
  })
})

test.group('Odd input never makes a 500', () => {
  // One NUL per test: the failed statement ends the test's global transaction.
  test('a NUL character in a query answers 400 E_BAD_REQUEST', async ({ client, assert }) => {
    const search = await client.get('/api/v1/anime').qs({ q: 'attak\u0000on titan' })
    search.assertStatus(400)
    assert.equal(search.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('a NUL character in a JSON body answers 400 E_BAD_REQUEST', async ({ client, assert }) => {
    const signup = await client.post('/api/v1/auth/signup').json({
      email: 'nul@example.com',
      username: 'nul_byte',
      password: 'correct horse battery staple',
      displayName: 'Nul\u0000Byte',
    })
    signup.assertStatus(400)
    assert.equal(signup.body().errors[0].code, 'E_BAD_REQUEST')
  })

  test('a path id or slug that cannot exist answers 404, not a database error', async ({
    client,
  }) => {
    for (const path of [
      '/api/v1/anime/99999999999999999999',
      '/api/v1/anime/%00',
      '/api/v1/anime/not%20a%20slug',
      '/api/v1/users/%00',
    ]) {
      const response = await client.get(path)
      response.assertStatus(404)
    }
    for (const path of ['/api/v1/auth/sessions/0', '/api/v1/auth/sessions/99999999999999999999']) {
      const response = await client.delete(path)
      response.assertStatus(404)
    }
    const genre = await client.patch('/api/v1/genres/99999999999999999999').json({ name: 'X' })
    genre.assertStatus(404)
  })
})

test.group('Every response carries a request id', () => {
  test('a sane client X-Request-Id is echoed', async ({ client }) => {
    const response = await client.get('/health').header('x-request-id', 'abc-123_4.5')
    response.assertHeader('x-request-id', 'abc-123_4.5')
  })

  test('an insane one is replaced by a generated id', async ({ client, assert }) => {
    const response = await client.get('/health').header('x-request-id', 'bad id with spaces!')
    const id = response.header('x-request-id')
    assert.notEqual(id, 'bad id with spaces!')
    assert.match(id ?? '', /^[A-Za-z0-9._-]{1,128}$/)
  })

  test('one is generated when the client sends none', async ({ client, assert }) => {
    const response = await client.get('/health')
    assert.match(response.header('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
  })
})

test.group('Security headers and compression', () => {
  test('security headers are set and X-Powered-By is not', async ({ client, assert }) => {
    const response = await client.get('/api/v1/does-not-exist')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('x-frame-options', 'DENY')
    assert.exists(response.header('referrer-policy'))
    assert.notExists(response.header('x-powered-by'))
  })

  test('CORS allows only CORS_ORIGINS', async ({ client, assert }) => {
    const allowed = await client.get('/health').header('origin', 'http://localhost:3000')
    allowed.assertHeader('access-control-allow-origin', 'http://localhost:3000')
    const other = await client.get('/health').header('origin', 'https://evil.example')
    assert.notExists(other.header('access-control-allow-origin'))
  })

  for (const encoding of ['gzip', 'br']) {
    test(`a JSON body over 1 KiB is compressed with ${encoding} when asked`, async ({
      client,
      assert,
    }) => {
      const response = await client.get('/openapi.json').header('accept-encoding', encoding)
      response.assertStatus(200)
      response.assertHeader('content-encoding', encoding)
      assert.equal(response.body().openapi, '3.1.0')
    })
  }

  test('a small JSON body is not compressed', async ({ client, assert }) => {
    const response = await client.get('/health').header('accept-encoding', 'gzip')
    assert.notExists(response.header('content-encoding'))
  })
})
