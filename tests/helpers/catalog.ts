import app from '@adonisjs/core/services/app'
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
