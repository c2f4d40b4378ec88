import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

const require = createRequire(import.meta.url)

/** The Swagger UI files `/docs` serves from the app itself (no CDN: self-hosters may be offline). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

/**
 * The OpenAPI document kept in `docs/openapi.json`, and the reference page rendered from it.
 */
export default class ApiDocsService {
  #document?: Record<string, unknown>

  async document() {
    if (!this.#document) {
      this.#document = JSON.parse(await readFile(app.makePath('docs/openapi.json'), 'utf8'))
    }
    return this.#document!
  }

  /** Absolute path and content type of a Swagger UI asset, or null for anything else. */
  asset(name: string) {
    const contentType = ASSETS[name]
    if (!contentType) return null
    const directory = join(require.resolve('swagger-ui-dist/package.json'), '..')
    return { path: join(directory, name), contentType }
  }

  page() {
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AnimeSenpai API reference</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/init.js"></script>
  </body>
</html>
`
  }

  /** Kept out of the page itself so the Content-Security-Policy can forbid inline scripts. */
  initScript() {
    return `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#reference',
  validatorUrl: null,
  deepLinking: true,
  tryItOutEnabled: false,
})
`
  }
}
