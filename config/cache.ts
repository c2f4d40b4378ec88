import { defineConfig, store, drivers } from '@adonisjs/cache'

/**
 * Memory L1 in each instance, Redis L2 shared by all, and a Redis bus so that a
 * write on one instance drops the stale L1 entries of every other.
 */
const cacheConfig = defineConfig({
  default: 'default',
  prefix: 'cache',
  stores: {
    default: store()
      .useL1Layer(drivers.memory({ maxSize: '64mb' }))
      .useL2Layer(drivers.redis({ connectionName: 'main' }))
      .useBus(drivers.redisBus({ connectionName: 'main' })),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
