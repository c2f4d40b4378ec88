/*
| JavaScript entrypoint for ace commands: registers the TypeScript loader, then boots
| the console. The production build replaces this file with a plain JS version.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
