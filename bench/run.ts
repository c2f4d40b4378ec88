/*
| npm run bench: imports the real catalog into its own database, starts the app in production
| mode and measures it with autocannon. Loopback only; every run is bounded in time.
|
|   BENCH_CATALOG   catalog to import (default ../shared/data/catalog-real.json)
|   BENCH_SECONDS   seconds per scenario (default 10)
|   BENCH_SKIP_IMPORT=1 reuses the catalog already in the bench database
*/
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import pg from 'pg'

const root = new URL('../', import.meta.url).pathname
const catalog =
  process.env.BENCH_CATALOG ??
  new URL('../../shared/data/catalog-real.json', import.meta.url).pathname
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const port = 3390
const base = `http://127.0.0.1:${port}`
const database = 'animesenpai_bench'

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  APP_KEY: randomBytes(32).toString('base64url'),
  LOG_LEVEL: 'warn',
  DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
  DB_USER: process.env.DB_USER ?? 'postgres',
  DB_DATABASE: database,
  REDIS_DB: '3',
  SMTP_PORT: '2599',
  RATE_LIMIT_REQUESTS: '100000000',
  RATE_LIMIT_AUTH_FACTOR: '1000000',
  TRENDING_INTERVAL: '1h',
}

type Row = {
  scenario: string
  connections: number
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
}
const rows: Row[] = []

function run(command: string[], options: { measureMemory?: boolean } = {}) {
  return new Promise<{ code: number | null; output: string; ms: number; peakRssMb?: number }>(
    (resolve) => {
      const startedAt = performance.now()
      const argv = options.measureMemory
        ? ['/usr/bin/time', '-f', 'PEAK_RSS_KB=%M', ...command]
        : command
      const child = spawn(argv[0], argv.slice(1), { cwd: root, env })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('exit', (code) => {
        const peak = /PEAK_RSS_KB=(\d+)/.exec(output)
        resolve({
          code,
          output,
          ms: performance.now() - startedAt,
          peakRssMb: peak ? Number(peak[1]) / 1024 : undefined,
        })
      })
    }
  )
}

async function ensureDatabase() {
  const client = new pg.Client({ host: env.DB_HOST, user: env.DB_USER, database: 'postgres' })
  await client.connect()
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
    database,
  ])
  if (!rowCount) await client.query(`create database ${database}`)
  await client.end()
}

/** Runs one autocannon scenario and records exact percentiles from every response time. */
async function measure(
  scenario: string,
  connections: number,
  options: Partial<autocannon.Options> & { requests?: autocannon.Request[] }
) {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, ...options },
      (error, done) => (error ? reject(error) : resolve(done))
    )
    instance.on(
      'response',
      (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        latencies.push(responseTime)
    )
  })
  latencies.sort((a, b) => a - b)
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0
  const row = {
    scenario,
    connections,
    rps: Math.round(result.requests.average),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  }
  rows.push(row)
  await settle()
  console.info(
    `${scenario.padEnd(34)} c=${String(connections).padEnd(3)} ${String(row.rps).padStart(6)} req/s  ` +
      `p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  errors ${row.errors}`
  )
}

/** Lets requests still queued from the last scenario finish before the next one starts. */
async function settle() {
  for (let attempt = 0; attempt < 60; attempt++) {
    const startedAt = performance.now()
    await fetch(`${base}/health/ready`).catch(() => undefined)
    if (performance.now() - startedAt < 20) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Runs `worker` in `concurrency` loops for the scenario's duration (for chained requests). */
async function measureLoop(
  scenario: string,
  concurrency: number,
  worker: (slot: number) => Promise<boolean>
) {
  const latencies: number[] = []
  let errors = 0
  const deadline = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async (_, slot) => {
      while (performance.now() < deadline) {
        const startedAt = performance.now()
        const ok = await worker(slot).catch(() => false)
        latencies.push(performance.now() - startedAt)
        if (!ok) errors += 1
      }
    })
  )
  latencies.sort((a, b) => a - b)
  const at = (share: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0
  const row = {
    scenario,
    connections: concurrency,
    rps: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  }
  rows.push(row)
  await settle()
  console.info(
    `${scenario.padEnd(34)} c=${String(concurrency).padEnd(3)} ${String(row.rps).padStart(6)} req/s  ` +
      `p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  errors ${row.errors}`
  )
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]

/** Misspells a title a little: drops or doubles one letter, lower-cases it. */
function typo(title: string) {
  const text = title.toLowerCase()
  const at = 1 + Math.floor(Math.random() * Math.max(1, text.length - 2))
  return Math.random() < 0.5
    ? text.slice(0, at) + text.slice(at + 1)
    : text.slice(0, at) + text[at] + text.slice(at)
}

async function main() {
  if (!existsSync(catalog)) {
    console.error(`No catalog at ${catalog}: set BENCH_CATALOG`)
    process.exit(1)
  }
  await ensureDatabase()
  const migrate = await run(['node', 'ace', 'migration:run', '--force'])
  if (migrate.code !== 0) throw new Error(migrate.output)

  if (!process.env.BENCH_SKIP_IMPORT) {
    // A fresh import into empty tables, then the same file again (nothing to change).
    const client = new pg.Client({ host: env.DB_HOST, user: env.DB_USER, database })
    await client.connect()
    await client.query('truncate anime, genres restart identity cascade')
    await client.end()
    const imported = await run(['node', 'ace', 'catalog:import', catalog], { measureMemory: true })
    if (imported.code !== 0) throw new Error(imported.output)
    console.info(
      imported.output
        .split('\n')
        .filter((line) => /│|Created|PEAK/.test(line))
        .join('\n')
    )
    console.info(
      `import: ${(imported.ms / 1000).toFixed(1)} s wall, peak RSS ${imported.peakRssMb?.toFixed(0)} MB`
    )
    const again = await run(['node', 'ace', 'catalog:import', catalog], { measureMemory: true })
    console.info(
      `re-import (nothing changed): ${(again.ms / 1000).toFixed(1)} s wall, peak RSS ${again.peakRssMb?.toFixed(0)} MB`
    )
  }

  // The production build, as deployed: no TypeScript loader in the request path.
  const build = await run(['node', 'ace', 'build'])
  if (build.code !== 0) throw new Error(build.output)
  const server = spawn('node', ['bin/server.js'], {
    cwd: `${root}/build`,
    env,
    stdio: 'inherit',
  })
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const ready = await fetch(`${base}/health/ready`)
        if (ready.ok) break
      } catch {}
      if (attempt > 100) throw new Error('the app did not start')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }

    const client = new pg.Client({ host: env.DB_HOST, user: env.DB_USER, database })
    await client.connect()
    const { rows: anime } = await client.query(
      'select id, title from anime where not is_adult order by id'
    )
    await client.end()
    const ids = anime.map((row) => row.id as number)
    const titles = anime.map((row) => row.title as string)
    const hotIds = ids.slice(0, 50)
    const sorts = ['popularity', 'score', 'title', 'newest', 'year', 'trending']

    // Warm up the JIT and the cached scenarios.
    await new Promise((resolve) =>
      autocannon({ url: `${base}/api/v1/anime/trending`, connections: 10, duration: 3 }, resolve)
    )
    await fetch(`${base}/api/v1/anime`)
    for (const id of hotIds) await fetch(`${base}/api/v1/anime/${id}`)
    await fetch(`${base}/api/v1/anime/trending`)

    for (const connections of [10, 50]) {
      await measure('browse, cached', connections, { requests: [{ path: '/api/v1/anime' }] })
    }
    // Distinct questions a visitor asks: a sort, maybe a filter, one of the first 20 pages.
    const filters = [
      '',
      '&type=TV',
      '&type=MOVIE',
      '&genres=action',
      '&genres=comedy,romance',
      '&year=2016',
      '&status=FINISHED',
    ]
    await measure('browse, uncached (filters, pages 1-20)', 50, {
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/anime?sort=${pick(sorts)}${pick(filters)}&page=${1 + Math.floor(Math.random() * 20)}&perPage=${pick([10, 20, 25, 50])}`,
          }),
        },
      ],
    })
    for (const connections of [1, 10, 50]) {
      await measure('search, uncached (typos)', connections, {
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              path: `/api/v1/anime?q=${encodeURIComponent(typo(pick(titles)))}&perPage=${pick([10, 20, 30])}`,
            }),
          },
        ],
      })
    }
    for (const connections of [10, 50]) {
      await measure('detail, cached (50 hot ids)', connections, {
        requests: [
          { setupRequest: (request) => ({ ...request, path: `/api/v1/anime/${pick(hotIds)}` }) },
        ],
      })
    }
    await measure('detail, mostly uncached', 50, {
      requests: [
        { setupRequest: (request) => ({ ...request, path: `/api/v1/anime/${pick(ids)}` }) },
      ],
    })
    await measure('trending', 50, { requests: [{ path: '/api/v1/anime/trending' }] })

    // Accounts: one user, logged in over and over; refresh chains per connection.
    const password = 'benchmark passphrase 2026'
    const username = `bench_${randomBytes(4).toString('hex')}`
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${username}@example.com`, username, password }),
    })
    if (signup.status !== 201) throw new Error(`signup answered ${signup.status}`)
    const login = {
      method: 'POST' as const,
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password }),
    }

    const refreshTokens: string[] = []
    for (let index = 0; index < 10; index++) {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: login.headers,
        body: login.body,
      })
      refreshTokens.push(
        ((await response.json()) as { tokens: { refreshToken: string } }).tokens.refreshToken
      )
    }
    await measureLoop('refresh (rotation)', 10, async (slot) => {
      const response = await fetch(`${base}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: refreshTokens[slot] }),
      })
      if (response.status !== 200) return false
      const body = (await response.json()) as { tokens: { refreshToken: string } }
      refreshTokens[slot] = body.tokens.refreshToken
      return true
    })

    // Last: logins keep the hashing threads busy for seconds after the scenario ends.
    await measure('login (scrypt N=2^15 r=8 p=3)', 10, { requests: [login] })

    console.info(
      '\n| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|'
    )
    for (const row of rows) {
      console.info(
        `| ${row.scenario} | ${row.connections} | ${row.rps} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.errors} |`
      )
    }
    const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version
    console.info(`\nanimesenpai-api ${version}, node ${process.version}, ${seconds} s per scenario`)
  } finally {
    server.kill('SIGTERM')
  }
}

await main()
