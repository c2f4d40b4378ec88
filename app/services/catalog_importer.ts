import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import lock from '@adonisjs/lock/services/main'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ID_PROVIDERS, type ExternalIds, type IdProvider } from '#models/anime'
import CatalogReader, { type CatalogRecord } from '#services/catalog_reader'
import { GENRES } from '#services/genre_mapping'
import { mapCatalogEntry, slugCandidates, type CatalogEntry } from '#services/catalog_entry_mapping'

export type CatalogImportOptions = {
  /** Read at most this many entries of the data (skipped ones included). */
  limit?: number
  /** Entries written per transaction. */
  batchSize?: number
  /**
   * After reading the whole source, delete the imported anime it no longer has (anime an admin
   * created are never touched). Refused together with `limit`, which reads part of it.
   */
  prune?: boolean
  /**
   * Called after every batch: entries read so far, the total when known (the limit), and the
   * bytes of the source read so far out of its size (when known), for a progress bar.
   */
  onProgress?: (processed: number, total?: number, bytes?: { read: number; total?: number }) => void
}

export type SkippedEntry = { index: number; title?: string; reason: string }

export type CatalogImportSummary = {
  /** Entries read from the data. */
  processed: number
  created: number
  updated: number
  /** The row exists and its data did not change since the last import. */
  unchanged: number
  /** Entries not imported, with why (at most the first MAX_SKIPPED_LISTED). */
  skipped: SkippedEntry[]
  /** How many entries were skipped in all. */
  skippedCount: number
  /** Imported anime the source no longer has, deleted by `prune`. */
  removed: number
  /** Why `prune` deleted nothing although the source lacks some imported anime. */
  pruneRefused?: string
  /** Relation rows added or removed by this import. */
  relationsChanged: number
  durationMs: number
}

const DEFAULT_BATCH_SIZE = 500
const MAX_SKIPPED_LISTED = 10_000

const GENRE_NAMES = new Map(GENRES.map((genre) => [genre.slug, genre.name]))

type ExistingRow = { id: number; source_hash: string | null; external_ids: Partial<ExternalIds> }

type Planned = { entry: CatalogEntry; index: number }

/** Columns the importer writes from an entry, as the snake_case JSON `json_populate_recordset` reads. */
function rowOf(
  entry: CatalogEntry,
  genreIds: Map<string, number>,
  extra: { id?: number; slug?: string }
) {
  return {
    ...extra,
    // Written with the row, so that linking the genres afterwards finds nothing to change.
    genre_ids: entry.genres.flatMap((slug) => genreIds.get(slug) ?? []).sort((a, b) => a - b),
    title: entry.title,
    title_english: entry.titleEnglish,
    title_japanese: entry.titleJapanese,
    synonyms: entry.synonyms,
    type: entry.type,
    status: entry.status,
    episodes: entry.episodes,
    duration_minutes: entry.durationMinutes,
    season: entry.season,
    year: entry.year,
    start_date: entry.startDate,
    cover_image: entry.coverImage,
    thumbnail_image: entry.thumbnailImage,
    tags: entry.tags,
    studios: entry.studios,
    external_ids: entry.externalIds,
    sources: entry.sources,
    related_sources: entry.relatedSources,
    is_adult: entry.isAdult,
    source_score: entry.sourceScore,
    source_hash: entry.hash,
  }
}

/*
| Imported columns. On update, `title_english`, `duration_minutes` stay as they were when the
| data has none (an admin may have set them), `external_ids` keeps ids of other sites, and the
| slug never changes. Columns the data has no word on (synopsis, end date, banner, scores,
| counters) are never written.
*/
const INSERT_COLUMNS = [
  'slug',
  'title',
  'title_english',
  'title_japanese',
  'synonyms',
  'type',
  'status',
  'episodes',
  'duration_minutes',
  'season',
  'year',
  'start_date',
  'cover_image',
  'thumbnail_image',
  'tags',
  'studios',
  'external_ids',
  'sources',
  'related_sources',
  'is_adult',
  'source_score',
  'source_hash',
  'genre_ids',
].join(', ')

const UPDATE_ASSIGNMENTS = `
  title = x.title,
  title_english = coalesce(x.title_english, a.title_english),
  title_japanese = x.title_japanese,
  synonyms = x.synonyms,
  type = x.type,
  status = x.status,
  episodes = x.episodes,
  duration_minutes = coalesce(x.duration_minutes, a.duration_minutes),
  season = x.season,
  year = x.year,
  start_date = x.start_date,
  cover_image = x.cover_image,
  thumbnail_image = x.thumbnail_image,
  tags = x.tags,
  studios = x.studios,
  external_ids = a.external_ids || x.external_ids,
  sources = x.sources,
  related_sources = x.related_sources,
  is_adult = x.is_adult,
  source_score = x.source_score,
  source_hash = x.source_hash,
  genre_ids = x.genre_ids,
  updated_at = now()`

/*
| Relations wanted by the data: every `related_sources` URL that is a source URL of another row.
*/
const WANTED_RELATIONS = `
  select distinct r.id as anime_id, s.id as related_anime_id
  from (select id, unnest(related_sources) as url from anime where related_sources <> '{}') r
  join (select id, unnest(sources) as url from anime) s on s.url = r.url
  where r.id <> s.id`

/** Another import holds the lock. */
export class CatalogImportBusyError extends Error {}

/** Options that cannot go together. */
export class CatalogImportOptionsError extends Error {}

/**
 * Imports the anime-offline-database format (JSON document or JSON Lines, file or URL) into the
 * catalog. Streams the data and writes it in batches, one transaction each, so memory stays flat
 * whatever the size. Re-running updates rows in place: an entry is the row with its MyAnimeList
 * id, else AniList, else AniDB, else Kitsu id; rows whose data did not change are not written.
 * Bad entries are skipped with a reason. Emits `catalog:imported` when done.
 */
@inject()
export default class CatalogImporter {
  #genreIds = new Map<string, number>()

  constructor(protected reader: CatalogReader) {}

  /**
   * Imports under a Redis lock: two imports at once (two operators, two instances) would race
   * on the same rows, so the second one is refused.
   */
  async import(
    location: string,
    options: CatalogImportOptions = {}
  ): Promise<CatalogImportSummary> {
    if (options.prune && options.limit !== undefined) {
      throw new CatalogImportOptionsError(
        'Pruning needs the whole source: it cannot go with a limit'
      )
    }
    const [acquired, summary] = await lock
      .createLock('catalog:import', '2h')
      .runImmediately(() => this.#import(location, options))
    if (!acquired) throw new CatalogImportBusyError('Another catalog import is running: try later')
    return summary
  }

  async #import(location: string, options: CatalogImportOptions): Promise<CatalogImportSummary> {
    const startedAt = performance.now()
    // Genre ids are cached per run only: genres may change between runs.
    this.#genreIds.clear()
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
    const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : undefined
    const catalog = await this.reader.open(location)

    const summary: CatalogImportSummary = {
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: [],
      skippedCount: 0,
      removed: 0,
      relationsChanged: 0,
      durationMs: 0,
    }
    /** Rows this run already wrote or matched: a second entry for one of them is a duplicate. */
    const seenRowIds = new Set<number>()
    /** Rows updated by this run (their relations are rebuilt). */
    const updatedRowIds: number[] = []

    const skip = (skipped: SkippedEntry) => {
      summary.skippedCount += 1
      if (summary.skipped.length < MAX_SKIPPED_LISTED) summary.skipped.push(skipped)
    }
    const report = () =>
      options.onProgress?.(summary.processed, limit, {
        read: catalog.bytesRead(),
        total: catalog.totalBytes ?? undefined,
      })

    let batch: CatalogRecord[] = []
    const flush = async () => {
      if (batch.length === 0) return
      const records = batch
      batch = []
      await db.transaction((trx) =>
        this.#importBatch(trx, records, { summary, skip, seenRowIds, updatedRowIds })
      )
      report()
    }

    if (limit !== 0) {
      for await (const record of catalog.records) {
        batch.push(record)
        summary.processed += 1
        if (batch.length >= batchSize) await flush()
        if (limit !== undefined && summary.processed >= limit) break
      }
    }
    await flush()
    if (options.prune) Object.assign(summary, await this.#prune(seenRowIds))

    if (summary.created > 0 || summary.updated > 0 || summary.removed > 0) {
      summary.relationsChanged = await this.#syncRelations(updatedRowIds)
      // Fresh statistics: on stale ones the planner skips the search indexes for a seq scan.
      await db.rawQuery('analyze anime, anime_genres, anime_relations, genres')
    }
    summary.durationMs = Math.round(performance.now() - startedAt)
    report()

    try {
      await emitter.emit('catalog:imported', {
        created: summary.created,
        updated: summary.updated,
        removed: summary.removed,
      })
    } catch (error) {
      // The data is in; a listener failing (say, cache invalidation) does not undo the import.
      logger.error({ err: error }, 'A catalog:imported listener failed')
    }

    return summary
  }

  /**
   * Deletes the imported anime (those with sources) that no entry of this run matched; their
   * genre links and relations go with them (foreign keys cascade). A source that lacks more
   * than half of them is taken for the wrong or a truncated file, and nothing is deleted.
   */
  async #prune(
    seenRowIds: Set<number>
  ): Promise<Pick<CatalogImportSummary, 'removed' | 'pruneRefused'>> {
    return db.transaction(async (trx) => {
      const imported = trx.from('anime').whereRaw(`sources <> '{}'`)
      const missing = imported.clone().whereRaw('not (id = any(?::bigint[]))', [[...seenRowIds]])
      const [{ total }] = await imported.clone().count('* as total')
      const [{ lacking }] = await missing.clone().count('* as lacking')
      if (Number(lacking) > Number(total) / 2) {
        return {
          removed: 0,
          pruneRefused: `the data lacks ${lacking} of the ${total} imported anime: is it the whole catalog?`,
        }
      }
      return { removed: Number(await missing.delete()) }
    })
  }

  async #importBatch(
    trx: TransactionClientContract,
    records: CatalogRecord[],
    state: {
      summary: CatalogImportSummary
      skip: (skipped: SkippedEntry) => void
      seenRowIds: Set<number>
      updatedRowIds: number[]
    }
  ) {
    const { summary, skip, seenRowIds, updatedRowIds } = state

    const mapped: Planned[] = []
    for (const record of records) {
      if ('error' in record) {
        skip({ index: record.index, reason: record.error })
        continue
      }
      const result = mapCatalogEntry(record.value)
      if (result.ok) mapped.push({ entry: result.entry, index: record.index })
      else skip({ index: record.index, title: result.title, reason: result.reason })
    }
    if (mapped.length === 0) return

    const existing = await this.#findExisting(trx, mapped)
    const toCreate: Planned[] = []
    const toUpdate: (Planned & { id: number })[] = []
    /** provider:id → index of the entry of this batch that claimed it. */
    const claimed = new Map<string, number>()

    for (const planned of mapped) {
      const { entry, index } = planned
      const ids = ID_PROVIDERS.filter((provider) => entry.externalIds[provider] !== null).map(
        (provider) => `${provider}:${entry.externalIds[provider]}`
      )
      const earlier = ids.map((id) => claimed.get(id)).find((other) => other !== undefined)
      if (earlier !== undefined) {
        skip({ index, title: entry.title, reason: `duplicate of entry ${earlier} (same ids)` })
        continue
      }

      const match = this.#match(entry, existing)
      if (match.conflict) {
        skip({ index, title: entry.title, reason: match.conflict })
        continue
      }
      if (match.row && seenRowIds.has(match.row.id)) {
        skip({
          index,
          title: entry.title,
          reason: `duplicate of an earlier entry (anime ${match.row.id})`,
        })
        continue
      }

      for (const id of ids) claimed.set(id, index)
      if (!match.row) {
        toCreate.push(planned)
      } else {
        seenRowIds.add(match.row.id)
        if (match.row.source_hash === entry.hash) summary.unchanged += 1
        else toUpdate.push({ ...planned, id: match.row.id })
      }
    }

    const genreIds = await this.#resolveGenres(
      trx,
      new Set([...toCreate, ...toUpdate].flatMap(({ entry }) => entry.genres))
    )
    const created = await this.#create(trx, toCreate, genreIds, skip)
    if (toUpdate.length > 0) {
      await this.#sql(
        trx,
        `update anime a set ${UPDATE_ASSIGNMENTS}
         from json_populate_recordset(null::anime, ?::json) x
         where a.id = x.id`,
        [JSON.stringify(toUpdate.map(({ entry, id }) => rowOf(entry, genreIds, { id })))]
      )
    }

    for (const { id } of created) seenRowIds.add(id)
    for (const { id } of toUpdate) updatedRowIds.push(id)
    summary.created += created.length
    summary.updated += toUpdate.length

    await this.#syncGenres(trx, created, toUpdate, genreIds)
  }

  /** Rows that hold any id of the batch's entries. */
  async #findExisting(trx: TransactionClientContract, batch: Planned[]) {
    const idsByProvider = Object.fromEntries(
      ID_PROVIDERS.map((provider) => [
        provider,
        batch
          .map(({ entry }) => entry.externalIds[provider])
          .filter((id): id is number => id !== null)
          .map(String),
      ])
    ) as Record<IdProvider, string[]>

    const { rows } = (await this.#sql(
      trx,
      `select id, source_hash, external_ids from anime where ${ID_PROVIDERS.map(
        (provider) => `(external_ids->>'${provider}') = any(?::text[])`
      ).join(' or ')}`,
      ID_PROVIDERS.map((provider) => idsByProvider[provider])
    )) as { rows: ExistingRow[] }

    const byProviderId = new Map<string, ExistingRow>()
    for (const row of rows) {
      for (const provider of ID_PROVIDERS) {
        const id = row.external_ids[provider]
        if (id !== null && id !== undefined) byProviderId.set(`${provider}:${id}`, row)
      }
    }
    return byProviderId
  }

  /**
   * The row an entry updates: the one with its MyAnimeList id, else AniList, else AniDB, else
   * Kitsu id. A conflict when its ids belong to different rows, or the row was found by a
   * lesser id but has another id of a more trusted site.
   */
  #match(entry: CatalogEntry, existing: Map<string, ExistingRow>) {
    const matches = ID_PROVIDERS.flatMap((provider) => {
      const id = entry.externalIds[provider]
      const row = id === null ? undefined : existing.get(`${provider}:${id}`)
      return row ? [{ provider, row }] : []
    })
    if (matches.length === 0) return { row: null }

    const { provider, row } = matches[0]
    const others = matches.filter((match) => match.row.id !== row.id)
    if (others.length > 0) {
      const ids = [row.id, ...others.map((other) => other.row.id)]
      return {
        row: null,
        conflict: `its ids belong to different anime (${[...new Set(ids)].join(', ')})`,
      }
    }
    for (const better of ID_PROVIDERS.slice(0, ID_PROVIDERS.indexOf(provider))) {
      const current = row.external_ids[better]
      if (current !== null && current !== undefined && current !== entry.externalIds[better]) {
        return {
          row: null,
          conflict: `matches anime ${row.id} by its ${provider} id, but that anime has ${better} id ${current}`,
        }
      }
    }
    return { row }
  }

  /** Inserts new rows with unique slugs; returns their ids with their entries. */
  async #create(
    trx: TransactionClientContract,
    planned: Planned[],
    genreIds: Map<string, number>,
    skip: (skipped: SkippedEntry) => void
  ) {
    if (planned.length === 0) return []

    const candidates = planned.map(({ entry }) => slugCandidates(entry))
    const { rows: takenRows } = (await this.#sql(
      trx,
      'select slug from anime where slug = any(?::text[])',
      [candidates.flat()]
    )) as { rows: { slug: string }[] }
    const taken = new Set(takenRows.map((row) => row.slug))

    const rows: ReturnType<typeof rowOf>[] = []
    const entriesBySlug = new Map<string, Planned>()
    for (const [position, item] of planned.entries()) {
      const slug =
        candidates[position].find((candidate) => !taken.has(candidate)) ??
        (await this.#numberedSlug(trx, candidates[position].at(-1)!, taken))
      if (!slug) {
        skip({ index: item.index, title: item.entry.title, reason: 'no free slug' })
        continue
      }
      taken.add(slug)
      entriesBySlug.set(slug, item)
      rows.push(rowOf(item.entry, genreIds, { slug }))
    }
    if (rows.length === 0) return []

    const { rows: inserted } = (await this.#sql(
      trx,
      `insert into anime (${INSERT_COLUMNS}, created_at, updated_at)
       select ${INSERT_COLUMNS}, now(), now() from json_populate_recordset(null::anime, ?::json)
       returning id, slug`,
      [JSON.stringify(rows)]
    )) as { rows: { id: number; slug: string }[] }

    return inserted.map(({ id, slug }) => ({ ...entriesBySlug.get(slug)!, id }))
  }

  /** `<slug>-2`, `<slug>-3`...: the last resort when every candidate slug is taken. */
  async #numberedSlug(trx: TransactionClientContract, slug: string, taken: Set<string>) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const options = Array.from({ length: 20 }, (_, n) => `${slug}-${attempt * 20 + n + 2}`)
      const { rows } = (await this.#sql(trx, 'select slug from anime where slug = any(?::text[])', [
        options,
      ])) as { rows: { slug: string }[] }
      const used = new Set(rows.map((row) => row.slug))
      const free = options.find((option) => !used.has(option) && !taken.has(option))
      if (free) return free
    }
    return null
  }

  /**
   * Links created rows to their genres and brings the links of updated rows to the genres
   * just written in `genre_ids`: only links that change are touched, so the sync trigger
   * (migration 0019) rewrites no row whose genres stayed the same.
   */
  async #syncGenres(
    trx: TransactionClientContract,
    created: { id: number; entry: CatalogEntry }[],
    updated: { id: number; entry: CatalogEntry }[],
    genreIds: Map<string, number>
  ) {
    const written = [...created, ...updated]
    if (written.length === 0) return

    if (updated.length > 0) {
      await this.#sql(
        trx,
        `delete from anime_genres using anime
          where anime.id = anime_genres.anime_id and anime.id = any(?::bigint[])
            and not anime_genres.genre_id = any(anime.genre_ids)`,
        [updated.map(({ id }) => id)]
      )
    }
    const animeIds: number[] = []
    const linkedGenreIds: number[] = []
    for (const { id, entry } of written) {
      for (const slug of entry.genres) {
        const genreId = genreIds.get(slug)
        if (genreId === undefined) continue
        animeIds.push(id)
        linkedGenreIds.push(genreId)
      }
    }
    if (animeIds.length === 0) return
    await this.#sql(
      trx,
      `insert into anime_genres (anime_id, genre_id)
       select * from unnest(?::bigint[], ?::int[]) on conflict do nothing`,
      [animeIds, linkedGenreIds]
    )
  }

  /**
   * Genre ids by slug, creating the documented genres the data uses. An existing genre keeps
   * its name (an admin may have renamed it).
   */
  async #resolveGenres(trx: TransactionClientContract, slugs: Set<string>) {
    const missing = [...slugs].filter((slug) => !this.#genreIds.has(slug))
    if (missing.length > 0) {
      await this.#sql(
        trx,
        `insert into genres (slug, name, created_at, updated_at)
         select slug, name, now(), now() from unnest(?::text[], ?::text[]) as g(slug, name)
         on conflict (slug) do nothing`,
        [missing, missing.map((slug) => GENRE_NAMES.get(slug) ?? slug)]
      )
      const { rows } = (await this.#sql(
        trx,
        'select id, slug from genres where slug = any(?::text[])',
        [missing]
      )) as { rows: { id: number; slug: string }[] }
      for (const row of rows) this.#genreIds.set(row.slug, row.id)
    }
    return this.#genreIds
  }

  /**
   * Resolves `related_sources` URLs into `anime_relations` once every row exists: adds the
   * relations the data asks for, and drops those of updated rows that their data no longer lists.
   */
  async #syncRelations(updatedRowIds: number[]) {
    return db.transaction(async (trx) => {
      const removed = (await this.#sql(
        trx,
        `delete from anime_relations r
         where r.anime_id = any(?::bigint[])
           and not exists (
             select 1 from (${WANTED_RELATIONS}) w
             where w.anime_id = r.anime_id and w.related_anime_id = r.related_anime_id
           )`,
        [updatedRowIds]
      )) as { rowCount: number }
      const added = (await this.#sql(
        trx,
        `insert into anime_relations (anime_id, related_anime_id)
         ${WANTED_RELATIONS}
         on conflict do nothing`
      )) as { rowCount: number }
      return removed.rowCount + added.rowCount
    })
  }

  /**
   * Runs SQL without the debug query log: a batch statement carries hundreds of rows as JSON.
   */
  #sql(client: QueryClientContract, sql: string, bindings: unknown[] = []) {
    return client.rawQuery(sql, bindings as any[]).debug(false)
  }
}
