/*
| Local development set-up, run before `npm run dev` and `npm test`: writes `.env` from
| `.env.example` with a fresh APP_KEY when there is none, and creates the database of the
| environment when it does not exist yet. Safe to run again.
*/
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import pg from 'pg'

const forTests = process.argv.includes('--test')
const root = new URL('../', import.meta.url)

function readEnvFile(name: string) {
  const path = new URL(name, root)
  if (!existsSync(path)) return {}
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
}

if (!forTests && !existsSync(new URL('.env', root))) {
  const example = readFileSync(new URL('.env.example', root), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(new URL('.env', root), example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  console.info('setup: wrote .env with a new APP_KEY')
}

const settings = {
  ...readEnvFile('.env'),
  ...(forTests ? readEnvFile('.env.test') : {}),
  ...process.env,
}
if (settings.DATABASE_URL) process.exit(0)

const database = settings.DB_DATABASE || 'animesenpai'
const client = new pg.Client({
  host: settings.DB_HOST || '127.0.0.1',
  port: Number(settings.DB_PORT || 5432),
  user: settings.DB_USER || 'postgres',
  password: settings.DB_PASSWORD || undefined,
  database: 'postgres',
})
try {
  await client.connect()
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
    database,
  ])
  if (!rowCount) {
    await client.query(`create database "${database.replace(/"/g, '""')}"`)
    console.info(`setup: created database ${database}`)
  }
} catch (error) {
  console.error(
    `setup: cannot reach PostgreSQL to prepare "${database}": ${(error as Error).message}`
  )
  process.exitCode = 1
} finally {
  await client.end().catch(() => {})
}
