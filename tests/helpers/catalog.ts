import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import CatalogImporter from '#services/catalog_importer'
import Anime from '#models/anime'

/** Path of a catalog fixture (anime-offline-database format) kept in the repo. */
export function fixturePath(name: string) {
  return app.makePath('tests/fixtures/catalog', name)
}

/** Imports a fixture catalog through the real importer. */
export async function importCatalog(name = 'catalog.json') {
  const importer = await app.container.make(CatalogImporter)
  return importer.import(fixturePath(name))
}

export async function animeIdOf(title: string) {
  const anime = await Anime.findByOrFail('title', title)
  return anime.id
}

/** Group set-up: the fixture catalog in the test's transaction. */
export async function seedCatalog() {
  await importCatalog()
}

/**
 * The fixture catalog committed, for tests that run another app process (it cannot see the
 * test's transaction). The clean-up empties the tables and opens a new transaction; clean-ups
 * registered after this one run before it.
 */
export async function committedCatalog(cleanup: (handler: () => Promise<void>) => void) {
  await db.commitGlobalTransaction()
  cleanup(async () => {
    await db.rawQuery('truncate anime, genres, users restart identity cascade')
    await db.beginGlobalTransaction()
  })
  await importCatalog()
}
