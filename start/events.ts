/*
| Typed application events. Services emit them; listeners in `app/listeners` fan them out
| (cache invalidation now; live updates over Socket.IO next).
*/
import emitter from '@adonisjs/core/services/emitter'

const InvalidateCatalogCache = () => import('#listeners/invalidate_catalog_cache')

declare module '@adonisjs/core/types' {
  interface EventsList {
    'user:registered': { userId: number }
    'session:revoked': { userId: number; sessionId: number }
    'catalog:changed': { reason: string; animeId?: number }
    'catalog:imported': { created: number; updated: number; removed: number }
    'trending:changed': { computedAt: string }
  }
}

emitter.on('catalog:changed', [InvalidateCatalogCache, 'handle'])
emitter.on('catalog:imported', [InvalidateCatalogCache, 'handle'])
