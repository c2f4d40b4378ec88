import { test } from '@japa/runner'
import { Validator } from '@seriousme/openapi-schema-validator'
import { expectStatus } from '#tests/helpers/http'

test.group('API documentation', () => {
  test('/openapi.json is a valid OpenAPI 3.1 document', async ({ client, assert }) => {
    const response = await client.get('/openapi.json')
    response.assertStatus(200)
    const validator = new Validator()
    const result = await validator.validate(response.body())
    assert.equal(validator.version, '3.1')
    assert.isTrue(result.valid, JSON.stringify(result.errors))
  })

  test('/docs renders a reference page with no external URL', async ({ client, assert }) => {
    const response = await client.get('/docs')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/html')
    const page = response.text()
    assert.include(page, '/docs/assets/swagger-ui-bundle.js')
    assert.notMatch(page, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i)
  })

  test('the page’s script and stylesheet are served by the app itself', async ({
    client,
    assert,
  }) => {
    for (const [file, type] of [
      ['swagger-ui-bundle.js', 'text/javascript'],
      ['swagger-ui.css', 'text/css'],
      ['init.js', 'text/javascript'],
    ]) {
      const response = await client.get(`/docs/assets/${file}`)
      response.assertStatus(200)
      assert.include(response.header('content-type'), type)
    }
    await expectStatus(client.get('/docs/assets/..%2Fpackage.json'), 404)
  })
})
