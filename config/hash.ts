import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/core/hash'

/**
 * scrypt with N=2^15, r=8, p=3 (32 MiB, ~350 ms on our 2-core box): one of OWASP's
 * minimum scrypt settings; the README has the measurements. Tests use N=2^10, p=1 so that
 * hundreds of signups stay fast.
 */
const hashConfig = defineConfig({
  default: 'scrypt',

  list: {
    scrypt: drivers.scrypt({
      cost: app.inTest ? 1024 : 32768,
      blockSize: 8,
      parallelization: app.inTest ? 1 : 3,
      maxMemory: 67108864,
    }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
