import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/core/hash'

/**
 * scrypt with N=2^15, r=8, p=1 (32 MiB per hash): about twice the work of the framework
 * default, measured in the README. Tests use N=2^10 so that hundreds of signups stay fast.
 */
const hashConfig = defineConfig({
  default: 'scrypt',

  list: {
    scrypt: drivers.scrypt({
      cost: app.inTest ? 1024 : 32768,
      blockSize: 8,
      parallelization: 1,
      maxMemory: 67108864,
    }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
