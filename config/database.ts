import pg from 'pg'
import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

/**
 * Ids and counts are JSON numbers: int8 (bigserial ids, `count(*)`) and numeric (scores)
 * come back as numbers instead of strings. Our values stay far below 2^53.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))
/** Calendar dates stay `YYYY-MM-DD` strings: parsing them as local midnight shifts them by a day in some time zones. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

/**
 * `DATABASE_URL` wins over the `DB_*` variables when both are set.
 */
const connection = env.get('DATABASE_URL') ?? {
  host: env.get('DB_HOST', '127.0.0.1'),
  port: env.get('DB_PORT', 5432),
  user: env.get('DB_USER', 'postgres'),
  password: env.get('DB_PASSWORD', ''),
  database: env.get('DB_DATABASE', 'animesenpai'),
}

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: false,
  connections: {
    postgres: {
      client: 'pg',
      connection,
      pool: {
        min: env.get('DB_POOL_MIN', 0),
        max: env.get('DB_POOL_MAX', 10),
        /**
         * Title search counts a trigram match from 0.5 word similarity (the default 0.6
         * misses common typos such as "attak on titan").
         */
        afterCreate: (
          client: pg.Client,
          done: (error: Error | null, client: pg.Client) => void
        ) => {
          client.query('set pg_trgm.word_similarity_threshold = 0.5', (error) =>
            done(error, client)
          )
        },
      },
      // Emits `db:query` with durations for the slow-query log; nothing is printed.
      debug: true,
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      seeders: {
        paths: ['database/seeders'],
      },
      schemaGeneration: {
        enabled: true,
        rulesPaths: ['./database/schema_rules.js'],
      },
    },
  },
})

export default dbConfig
