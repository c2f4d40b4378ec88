import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The catalog. Rows come from `node ace catalog:import` (anime-offline-database format) or from
 * admins. An imported row is identified by its MyAnimeList, else AniList, else AniDB, else Kitsu
 * id in `external_ids`; `source_hash` tells a re-import whether anything changed.
 * `average_score`, `score_count`, `popularity`, `trending_score` and `view_count` belong to the
 * app (lists, views); the importer never writes them.
 */
export default class extends BaseSchema {
  protected tableName = 'anime'

  async up() {
    /*
     * Every title a search can match (title, English and Japanese titles, synonyms), lower-cased
     * and without accents. IMMUTABLE so generated columns can use it.
     */
    this.schema.raw(`
      create or replace function anime_search_text(
        title text, title_english text, title_japanese text, synonyms text[]
      ) returns text
      language sql immutable parallel safe
      as $$
        select lower(immutable_unaccent(concat_ws(' ', title, title_english, title_japanese,
          array_to_string(synonyms, ' '))))
      $$
    `)

    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('slug', 160).notNullable().unique()
      table.text('title').notNullable()
      table.text('title_english').nullable()
      table.text('title_japanese').nullable()
      table.specificType('synonyms', 'text[]').notNullable().defaultTo('{}')
      table.string('type', 16).notNullable().defaultTo('UNKNOWN')
      table.string('status', 16).notNullable().defaultTo('UNKNOWN')
      table.integer('episodes').nullable()
      table.integer('duration_minutes').nullable()
      table.string('season', 8).nullable()
      table.smallint('year').nullable()
      // Imported rows: the first day of the season (Jan/Apr/Jul/Oct 1), the data has no exact date.
      table.date('start_date').nullable()
      table.date('end_date').nullable()
      table.text('synopsis').nullable()
      table.string('cover_image', 2048).nullable()
      table.string('thumbnail_image', 2048).nullable()
      table.string('banner_image', 2048).nullable()
      table.specificType('tags', 'text[]').notNullable().defaultTo('{}')
      table.specificType('studios', 'text[]').notNullable().defaultTo('{}')
      table.jsonb('external_ids').notNullable().defaultTo('{}')
      table.specificType('sources', 'text[]').notNullable().defaultTo('{}')
      table.specificType('related_sources', 'text[]').notNullable().defaultTo('{}')
      table.boolean('is_adult').notNullable().defaultTo(false)
      table.decimal('average_score', 4, 2).nullable()
      table.integer('score_count').notNullable().defaultTo(0)
      table.integer('popularity').notNullable().defaultTo(0)
      table.double('trending_score').notNullable().defaultTo(0)
      table.bigInteger('view_count').notNullable().defaultTo(0)
      // The dataset's own score (1-10), only a tie-breaker for rankings.
      table.double('source_score').nullable()
      table.string('source_hash', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()

      table.check(`type in ('TV', 'MOVIE', 'OVA', 'ONA', 'SPECIAL', 'MUSIC', 'UNKNOWN')`)
      table.check(`status in ('FINISHED', 'ONGOING', 'UPCOMING', 'UNKNOWN')`)
      table.check(`season in ('WINTER', 'SPRING', 'SUMMER', 'FALL')`)
      table.check('episodes > 0')
      table.check('duration_minutes > 0')
      table.check('year between 1900 and 2100')
      table.check('average_score between 0 and 10')
      table.check('score_count >= 0 and popularity >= 0 and view_count >= 0')
    })

    this.schema.raw(`
      alter table anime
        add column search_titles text generated always as
          (anime_search_text(title, title_english, title_japanese, synonyms)) stored,
        add column search_vector tsvector generated always as
          (to_tsvector('simple'::regconfig,
            anime_search_text(title, title_english, title_japanese, synonyms))) stored
    `)

    // Re-import matches rows by provider id (MAL, else AniList, else AniDB, else Kitsu): one row per id.
    for (const provider of ['myanimelist', 'anilist', 'anidb', 'kitsu']) {
      this.schema.raw(
        `create unique index anime_external_${provider}_unique on anime ((external_ids->>'${provider}'))
         where (external_ids->>'${provider}') is not null`
      )
    }

    // Seasonal pages (/anime/seasons/:year/:season) and the year/season filters of GET /anime.
    this.schema.raw('create index anime_year_season_index on anime (year, season)')
    // Filter ?type=.
    this.schema.raw('create index anime_type_index on anime (type)')
    // Filter ?status=.
    this.schema.raw('create index anime_status_index on anime (status)')
    /*
     * Sort indexes follow the ORDER BY of each sort in its natural direction (catalog_service):
     * `<key> desc nulls last, <tie-breaker> desc nulls last, id`, so the first page of a browse
     * is an index scan instead of a sort of the whole catalog.
     */
    // sort=popularity (default browse): popularity, then the dataset's score, then id.
    this.schema.raw(
      'create index anime_popularity_index on anime (popularity desc nulls last, source_score desc nulls last, id)'
    )
    // sort=score: users' mean score (null = nobody scored, last), then the dataset's score, then id.
    this.schema.raw(
      'create index anime_average_score_index on anime (average_score desc nulls last, source_score desc nulls last, id)'
    )
    // sort=trending and GET /anime/trending: trending score, then popularity, then id.
    this.schema.raw(
      'create index anime_trending_index on anime (trending_score desc nulls last, popularity desc nulls last, id)'
    )
    // sort=newest (rules 21, 26): start date, unknown dates last, ties by id newest first.
    this.schema.raw(
      'create index anime_start_date_index on anime (start_date desc nulls last, id desc nulls last)'
    )
    // sort=year: year (unknown last), then start date, then id.
    this.schema.raw(
      'create index anime_year_sort_index on anime (year desc nulls last, start_date desc nulls last, id)'
    )
    // sort=title: case-insensitive title order.
    this.schema.raw('create index anime_title_lower_index on anime (lower(title), id)')
    // Tag filters (`tags @> array[...]`).
    this.schema.raw('create index anime_tags_index on anime using gin (tags)')
    // Search ?q=: typo-tolerant trigram similarity / ILIKE over every title and synonym.
    this.schema.raw(
      'create index anime_search_titles_trgm_index on anime using gin (search_titles gin_trgm_ops)'
    )
    // Search ?q=: whole-word, any-order matches (full-text, `simple` config: titles are not English prose).
    this.schema.raw('create index anime_search_vector_index on anime using gin (search_vector)')
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('drop function if exists anime_search_text(text, text, text, text[])')
  }
}
