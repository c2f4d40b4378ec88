import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import ApiDocsService from '#services/api_docs_service'
import ApiException from '#exceptions/api_exception'

@inject()
export default class ApiDocsController {
  constructor(protected docs: ApiDocsService) {}

  /** The OpenAPI 3.1 document. */
  async document({ response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=300')
    return response.send(await this.docs.document())
  }

  /** The human-readable reference page. */
  async page({ response }: HttpContext) {
    response.header('Content-Type', 'text/html; charset=utf-8')
    return response.send(this.docs.page())
  }

  /** The page's script and stylesheet, served by the app itself. */
  async asset({ params, response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=86400')
    if (params.file === 'init.js') {
      response.header('Content-Type', 'text/javascript; charset=utf-8')
      return response.send(this.docs.initScript())
    }
    const asset = this.docs.asset(params.file)
    if (!asset) throw ApiException.notFound()
    response.header('Content-Type', asset.contentType)
    return response.download(asset.path)
  }
}
