import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import Anime from '#models/anime'
import ace from '@adonisjs/core/services/ace'
import CatalogImport from '#commands/catalog_import'
import CatalogImporter, {
  CatalogImportBusyError,
  CatalogImportOptionsError,
} from '#services/catalog_importer'
import { AnimeFactory } from '#database/factories/anime_factory'
import { fixturePath, importCatalog } from '#tests/helpers/catalog'

async function counts() {
  const [anime, genres, links, relations] = await Promise.all([
    db.from('anime').count('* as total').first(),
    db.from('genres').count('* as total').first(),
    db.from('anime_genres').count('* as total').first(),
    db.from('anime_relations').count('* as total').first(),
  ])
  return {
    anime: Number(anime.total),
    genres: Number(genres.total),
    links: Number(links.total),
    relations: Number(relations.total),
  }
}

/** Anime whose `genre_ids` differ from their genre links (the sync of migration 0019). */
async function unsyncedGenreIds() {
  const { rows } = await db.rawQuery(`
    select anime.id from anime
     where anime.genre_ids is distinct from array(select anime_genres.genre_id from anime_genres
       where anime_genres.anime_id = anime.id order by anime_genres.genre_id)`)
  return rows
}

/** Writes the fixture catalog without the entries whose title `drop` accepts; returns its path. */
async function catalogWithout(drop: (title: string) => boolean, cleanup: (fn: () => any) => void) {
  const document = JSON.parse(await readFile(fixturePath('catalog.json'), 'utf8'))
  document.data = document.data.filter((entry: { title: string }) => !drop(entry.title))
  const folder = await mkdtemp(join(tmpdir(), 'catalog-'))
  cleanup(() => rm(folder, { recursive: true, force: true }))
  const path = join(folder, 'catalog.json')
  await writeFile(path, JSON.stringify(document))
  return path
}

test.group('Catalog import', () => {
  test('imports the JSON document: every entry, genres from tags, adult flags', async ({
    assert,
  }) => {
    const summary = await importCatalog('catalog.json')
    assert.equal(summary.created, 32)
    assert.equal(summary.skippedCount, 0)

    const titan = await Anime.query()
      .where('title', 'Shingeki no Kyojin')
      .preload('genres')
      .firstOrFail()
    assert.equal(titan.type, 'TV')
    assert.equal(titan.season, 'SPRING')
    assert.equal(titan.year, 2013)
    assert.equal(titan.titleJapanese, '進撃の巨人')
    assert.include(titan.synonyms, 'Attack on Titan')
    assert.includeMembers(
      titan.genres.map((genre) => genre.slug),
      ['action', 'drama', 'fantasy', 'shounen']
    )
    assert.include(titan.tags, 'post-apocalyptic')
    assert.isFalse(titan.isAdult)
    const kite = await Anime.findByOrFail('title', 'A Kite')
    assert.isTrue(kite.isAdult)
    assert.notExists(await db.from('genres').where('slug', 'hentai').first())

    const onePiece = await Anime.findByOrFail('title', 'One Piece')
    assert.isNull(onePiece.episodes)
  })

  test('importing the same file twice leaves every count unchanged', async ({ assert }) => {
    await importCatalog('catalog.json')
    const before = await counts()
    assert.deepEqual(await unsyncedGenreIds(), [])
    const second = await importCatalog('catalog.json')
    assert.deepEqual(await counts(), before)
    assert.equal(second.created, 0)
    assert.equal(second.updated, 0)
    assert.equal(second.unchanged, 32)
  })

  test('the JSON Lines form imports the same catalog, and matches it on re-import', async ({
    assert,
  }) => {
    const lines = await importCatalog('catalog.jsonl')
    assert.equal(lines.created, 32)
    const document = await importCatalog('catalog.json')
    assert.equal(document.created, 0)
    assert.equal(document.unchanged, 32)
  })

  test('a changed entry is updated in place, never duplicated', async ({ assert }) => {
    await importCatalog('catalog.json')
    const before = await counts()
    const summary = await importCatalog('updated.json')
    assert.isAbove(summary.updated, 0)
    assert.equal(summary.created, 0)
    const after = await counts()
    assert.equal(after.anime, before.anime)

    // Its genres changed with its tags (super power out, military in), links and row alike.
    const [row] = await db
      .from('anime')
      .where('title', 'Shingeki no Kyojin')
      .select(
        db.raw('array(select slug from genres where id = any(genre_ids) order by slug) as slugs')
      )
    assert.include(row.slugs, 'military')
    assert.notInclude(row.slugs, 'super-power')
    assert.deepEqual(await unsyncedGenreIds(), [])
  })

  test('a file with broken entries imports the rest and reports the broken ones', async ({
    assert,
  }) => {
    const summary = await importCatalog('broken.json')
    assert.isAbove(summary.skippedCount, 0)
    assert.isAbove(summary.created, 0)
    for (const skipped of summary.skipped) {
      assert.isNumber(skipped.index)
      assert.isString(skipped.reason)
    }
  })

  test('an http URL source works', async ({ assert, cleanup }) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      createReadStream(fixturePath('catalog.json')).pipe(response)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const { port } = server.address() as { port: number }

    const importer = await app.container.make(CatalogImporter)
    const summary = await importer.import(`http://127.0.0.1:${port}/anime-offline-database.json`)
    assert.equal(summary.created, 32)
  })

  test('a second import while one runs is refused', async ({ assert }) => {
    const importer = await app.container.make(CatalogImporter)
    const results = await Promise.allSettled([
      importer.import(fixturePath('catalog.json')),
      importer.import(fixturePath('catalog.json')),
    ])
    assert.sameMembers(
      results.map((result) => result.status),
      ['fulfilled', 'rejected']
    )
    const refused = results.find((result) => result.status === 'rejected')!
    assert.instanceOf(refused.reason, CatalogImportBusyError)
  })

  test('--prune deletes the imported anime the data no longer has, never an admin’s', async ({
    assert,
    cleanup,
  }) => {
    await importCatalog('catalog.json')
    const handMade = await AnimeFactory.merge({ sources: [] }).create()
    const before = await counts()
    const path = await catalogWithout((title) => title.startsWith('Naruto'), cleanup)

    const importer = await app.container.make(CatalogImporter)
    const summary = await importer.import(path, { prune: true })
    assert.equal(summary.removed, 2)
    assert.isUndefined(summary.pruneRefused)
    assert.isNull(await Anime.findBy('title', 'Naruto'))
    assert.isNotNull(await Anime.find(handMade.id))
    const after = await counts()
    assert.equal(after.anime, before.anime - 2)
    assert.isBelow(after.links, before.links)

    // Without --prune nothing is ever deleted.
    const again = await importer.import(await catalogWithout(() => false, cleanup))
    assert.equal(again.removed, 0)
    assert.equal(again.created, 2)
  })

  test('--prune deletes nothing when the data lacks most of the catalog', async ({
    assert,
    cleanup,
  }) => {
    await importCatalog('catalog.json')
    const path = await catalogWithout((title) => !title.startsWith('Shingeki'), cleanup)
    const importer = await app.container.make(CatalogImporter)
    const summary = await importer.import(path, { prune: true })
    assert.equal(summary.removed, 0)
    assert.match(summary.pruneRefused ?? '', /lacks 29 of the 32 imported anime/)
    const after = await counts()
    assert.equal(after.anime, 32)
  })

  test('--prune with --limit is refused before anything is read', async ({ assert, cleanup }) => {
    const importer = await app.container.make(CatalogImporter)
    await assert.rejects(
      () => importer.import(fixturePath('catalog.json'), { prune: true, limit: 5 }),
      CatalogImportOptionsError
    )
    const after = await counts()
    assert.equal(after.anime, 0)

    ace.ui.switchMode('raw')
    cleanup(() => ace.ui.switchMode('normal'))
    const command = await ace.create(CatalogImport, [
      fixturePath('catalog.json'),
      '--prune',
      '--limit=5',
    ])
    await command.exec()
    command.assertFailed()
    command.assertLog('[ red(error) ] Pruning needs the whole source: it cannot go with a limit')
  })

  test('--limit stops after N entries', async ({ assert }) => {
    const importer = await app.container.make(CatalogImporter)
    const summary = await importer.import(fixturePath('catalog.json'), { limit: 5 })
    assert.equal(summary.created, 5)
    const after = await counts()
    assert.equal(after.anime, 5)
  })
})
