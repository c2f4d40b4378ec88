import type { SimplePaginatorContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageMeta } from '#providers/api_provider'

/** The contract's `meta` block from a Lucid paginator. */
export function pageMeta(paginator: SimplePaginatorContract<unknown>): PageMeta {
  return {
    total: paginator.total,
    perPage: paginator.perPage,
    currentPage: paginator.currentPage,
    lastPage: Math.max(1, paginator.lastPage),
  }
}
