import env from '#start/env'
import { defineConfig } from '@adonisjs/cors'

/**
 * Browsers may call the API only from the origins in `CORS_ORIGINS` (comma list).
 */
export const corsOrigins = (env.get('CORS_ORIGINS') ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean)

const corsConfig = defineConfig({
  enabled: true,
  origin: corsOrigins,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: [
    'x-request-id',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'retry-after',
    'etag',
    'content-disposition',
  ],
  credentials: true,
  maxAge: 90,
})

export default corsConfig
