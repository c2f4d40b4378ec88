import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * `REDIS_URL` wins over `REDIS_HOST`/`REDIS_PORT`/`REDIS_PASSWORD`/`REDIS_DB`.
 */
function connectionOptions() {
  const url = env.get('REDIS_URL')
  if (url) {
    const parsed = new URL(url)
    return {
      host: parsed.hostname,
      port: Number(parsed.port || 6379),
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number(parsed.pathname.slice(1) || env.get('REDIS_DB', 0)),
      tls: parsed.protocol === 'rediss:' ? {} : undefined,
    }
  }
  return {
    host: env.get('REDIS_HOST', '127.0.0.1'),
    port: env.get('REDIS_PORT', 6379),
    password: env.get('REDIS_PASSWORD') || undefined,
    db: env.get('REDIS_DB', 0),
  }
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...connectionOptions(),
      keyPrefix: '',
      /**
       * Keep reconnecting (Redis restarts must not need an app restart), but let commands
       * fail quickly while it is away instead of queueing forever.
       */
      maxRetriesPerRequest: 2,
      // Commands issued in the same tick (limiter, cache, counters of concurrent requests)
      // share one round trip.
      enableAutoPipelining: true,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
