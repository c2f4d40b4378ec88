import cache from '@adonisjs/cache/services/main'

/**
 * Drops every cached catalog answer (browse, detail, genres, trending) when the catalog
 * changes; the cache bus tells the other instances to drop theirs.
 */
export default class InvalidateCatalogCache {
  async handle() {
    await cache.deleteByTag({ tags: ['catalog', 'trending'] })
  }
}
