import { HttpContext } from '@adonisjs/core/http'
import { BaseSerializer } from '@adonisjs/core/transformers'
import type { CollectionContract } from '@adonisjs/core/types/transformers'

/** The contract's pagination block. */
export type PageMeta = { total: number; perPage: number; currentPage: number; lastPage: number }

/**
 * Serializes transformer output for HTTP answers. `serialize` wraps the value under `data`,
 * the contract's envelope for resources; `serializeRaw` keeps the caller's top-level keys
 * (`{ user, tokens }`); `serializePage` adds the contract's `meta` block.
 */
class ApiSerializer extends BaseSerializer<{ Wrap: 'data'; PaginationMetaData: PageMeta }> {
  wrap: 'data' = 'data'

  definePaginationMetaData(metaData: unknown): PageMeta {
    return metaData as PageMeta
  }
}

const serializer = new ApiSerializer()

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    serialize: ApiSerializer['serialize']
    serializeRaw: ApiSerializer['serializeWithoutWrapping']
    serializePage<T>(
      collection: CollectionContract<any, any, any>,
      meta: PageMeta
    ): Promise<{ data: T[]; meta: PageMeta }>
  }
}

HttpContext.instanceProperty('serialize', function (this: HttpContext, value: any): any {
  return serializer.serialize(value, this.containerResolver)
})

HttpContext.instanceProperty('serializeRaw', function (this: HttpContext, value: any): any {
  return serializer.serializeWithoutWrapping(value, this.containerResolver)
})

HttpContext.instanceProperty(
  'serializePage',
  async function (this: HttpContext, collection: any, meta: PageMeta): Promise<any> {
    const data = await serializer.serializeWithoutWrapping(collection, this.containerResolver)
    return { data, meta }
  }
)

export default class ApiProvider {}
