import { defineConfig, stores } from '@adonisjs/lock'

/**
 * Redis locks, so that periodic jobs (trending, view counts) run on one instance at a time.
 */
const lockConfig = defineConfig({
  default: 'redis',
  stores: {
    redis: stores.redis({ connectionName: 'main' }),
  },
})

export default lockConfig

declare module '@adonisjs/lock/types' {
  export interface LockStoresList extends InferLockStores<typeof lockConfig> {}
}
