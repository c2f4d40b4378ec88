import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import app from '@adonisjs/core/services/app'
import type { ApiResponse } from '@japa/api-client'

type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> }
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: object }

const DOCUMENT_ID = 'https://animesenpai.local/openapi.json'

/**
 * Checks API answers against `docs/openapi.json`, the document `/openapi.json` serves: the
 * route, method and status must be documented and a JSON body must match its schema.
 * Registered as a teardown hook of the API client, so every request of every test is checked.
 */
class OpenApiContract {
  readonly document: OpenApiDocument = JSON.parse(
    readFileSync(app.makePath('docs/openapi.json'), 'utf8')
  )
  #ajv = new Ajv2020({ strict: false, allErrors: true })
  #validators = new Map<string, ValidateFunction>()
  #templates = Object.keys(this.document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
      dynamicSegments: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.dynamicSegments - b.dynamicSegments)

  constructor() {
    addFormats.default(this.#ajv)
    this.#ajv.addSchema({ $id: DOCUMENT_ID, components: this.document.components })
  }

  assert(response: ApiResponse) {
    const request = (response.request as unknown as { request: { method: string; url: string } })
      .request
    const method = request.method.toLowerCase()
    const path = new URL(request.url).pathname
    const status = response.status()
    const where = `${method.toUpperCase()} ${path} → ${status}`

    const match = this.#templates.find(({ pattern }) => pattern.test(path))
    if (!match) {
      if (status === 404)
        return this.#validate('#/components/schemas/ErrorEnvelope', response, where)
      throw new Error(`OpenAPI: ${where} is not a documented path`)
    }
    const operation = this.document.paths[match.template][method]
    if (!operation) throw new Error(`OpenAPI: ${where}: method not documented`)
    const documented =
      operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`]
    if (!documented) throw new Error(`OpenAPI: ${where}: status not documented`)

    const schema = documented.content?.['application/json']?.schema
    if (!schema || status === 204 || status === 304) return
    const pointer = `#/paths/${match.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}`
    this.#validate(pointer, response, where, schema)
  }

  #validate(key: string, response: ApiResponse, where: string, schema?: object) {
    let validate = this.#validators.get(key)
    if (!validate) {
      const resolved = schema ?? { $ref: key.replace('#', DOCUMENT_ID + '#') }
      const rewritten = JSON.parse(
        JSON.stringify(resolved).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)
      )
      validate = this.#ajv.compile(rewritten)
      this.#validators.set(key, validate)
    }
    if (!validate(response.body())) {
      throw new Error(
        `OpenAPI: ${where}: body does not match the document: ${this.#ajv.errorsText(validate.errors)}`
      )
    }
  }
}

export const openApiContract = new OpenApiContract()
