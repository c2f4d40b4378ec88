import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/**
 * A second app instance in its own process (`bin/server.ts` through the TypeScript loader),
 * for what one process cannot show: shared limits, a Redis that is down, start-up checks.
 */
export class AppProcess {
  output = ''
  #child?: ChildProcess

  constructor(
    readonly port: number,
    protected env: Record<string, string> = {}
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  /** Spawns the server and waits until `/health` answers. */
  async start(timeoutMs = 20_000) {
    const exited = this.run()
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.#child?.exitCode !== null) {
        throw new Error(`The app exited early:\n${this.output}\n${await exited}`)
      }
      try {
        const response = await fetch(`${this.url}/health`)
        if (response.ok) return this
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    throw new Error(`The app did not start in ${timeoutMs} ms:\n${this.output}`)
  }

  /** Spawns the server and resolves with its exit code once it stops. */
  run() {
    this.#child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        LOG_LEVEL: 'error',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child.stdout!.on('data', (chunk) => (this.output += chunk))
    this.#child.stderr!.on('data', (chunk) => (this.output += chunk))
    return new Promise<number | null>((resolve) => this.#child!.on('exit', (code) => resolve(code)))
  }

  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  async terminate() {
    const child = this.#child
    if (!child || child.exitCode !== null) return child?.exitCode ?? null
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    return exited
  }

  async stop() {
    await this.terminate()
  }
}
