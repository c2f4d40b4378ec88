import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'
import CatalogImporter, {
  CatalogImportBusyError,
  CatalogImportOptionsError,
} from '#services/catalog_importer'
import { CatalogSourceError } from '#services/catalog_reader'

const BAR_WIDTH = 30
const SKIPPED_SHOWN = 20

export default class CatalogImport extends BaseCommand {
  static commandName = 'catalog:import'
  static description =
    'Import or update the anime catalog from anime-offline-database data (JSON or JSON Lines, file or URL)'
  static help = [
    'Re-running it updates rows in place; it never duplicates them.',
    'Without an argument it reads CATALOG_SOURCE.',
    '',
    '{{ binaryName }} catalog:import ./anime-offline-database-minified.json',
    '{{ binaryName }} catalog:import https://example.org/catalog.jsonl --limit 1000',
    '',
    'With --prune, imported anime the data no longer has are deleted (with their genre links',
    'and relations); anime created by an admin are kept. A broken entry counts as missing.',
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({
    required: false,
    argumentName: 'file-or-url',
    description: 'Path or http(s) URL of the data (default: CATALOG_SOURCE)',
  })
  declare source?: string

  @flags.number({ description: 'Import at most this many entries' })
  declare limit?: number

  @flags.boolean({ description: 'Delete imported anime the data no longer has' })
  declare prune?: boolean

  async run() {
    const source = this.source || env.get('CATALOG_SOURCE')
    if (!source) {
      this.logger.error('Give a file or URL to import, or set CATALOG_SOURCE')
      this.exitCode = 1
      return
    }
    if (this.limit !== undefined && !(Number.isInteger(this.limit) && this.limit >= 0)) {
      this.logger.error('--limit must be a whole number, 0 or more')
      this.exitCode = 1
      return
    }

    const importer = await this.app.container.make(CatalogImporter)
    // On a terminal the progress line updates in place; in logs it is a line every 2 seconds.
    const interactive = process.stdout.isTTY === true
    let lastLine = ''
    const draw = (line: string) => {
      if (line === lastLine) return
      lastLine = line
      if (interactive) this.logger.logUpdate(line)
      else this.logger.log(line)
    }
    let lastDrawn = 0

    this.logger.info(`Importing ${source}`)
    let summary
    try {
      summary = await importer.import(source, {
        limit: this.limit,
        prune: this.prune,
        onProgress: (processed, total, bytes) => {
          const now = Date.now()
          if (now - lastDrawn < (interactive ? 100 : 2000)) return
          lastDrawn = now
          draw(this.#progressLine(processed, total, bytes))
        },
      })
    } catch (error) {
      if (!(
        error instanceof CatalogSourceError ||
        error instanceof CatalogImportBusyError ||
        error instanceof CatalogImportOptionsError
      )) {
        throw error
      }
      if (interactive) this.logger.logUpdatePersist()
      this.logger.error(error.message)
      this.exitCode = 1
      return
    }
    draw(this.#progressLine(summary.processed, summary.processed, { read: 1, total: 1 }))
    if (interactive) this.logger.logUpdatePersist()

    const counts: [string, number][] = [
      ['Created', summary.created],
      ['Updated', summary.updated],
      ['Unchanged', summary.unchanged],
      ['Skipped', summary.skippedCount],
      ...(this.prune ? [['Removed', summary.removed] as [string, number]] : []),
      ['Relations changed', summary.relationsChanged],
    ]
    this.ui
      .table()
      .head([...counts.map(([name]) => name), 'Time'])
      .row([
        ...counts.map(([, count]) => String(count)),
        `${(summary.durationMs / 1000).toFixed(1)} s`,
      ])
      .render()

    if (summary.pruneRefused) {
      this.logger.warning(`Nothing removed: ${summary.pruneRefused}`)
    }

    if (summary.skippedCount > 0) {
      const shown = summary.skipped.slice(0, SKIPPED_SHOWN)
      this.logger.warning(
        `${summary.skippedCount} entries skipped${summary.skippedCount > shown.length ? ` (first ${shown.length})` : ''}:`
      )
      const table = this.ui.table().head(['Entry', 'Title', 'Reason'])
      for (const skipped of shown) {
        table.row([String(skipped.index), skipped.title ?? '', skipped.reason])
      }
      table.render()
    }
  }

  /**
   * `[█████░░░░░]  50%  7,612 entries`: the share of `--limit` when given, else of the source's
   * bytes when its size is known, else only the count.
   */
  #progressLine(processed: number, total?: number, bytes?: { read: number; total?: number }) {
    const fraction =
      total !== undefined && total > 0
        ? processed / total
        : bytes?.total !== undefined && bytes.total > 0
          ? bytes.read / bytes.total
          : undefined
    const count = `${processed.toLocaleString('en')} entries`
    if (fraction === undefined) return `Imported ${count}`
    const clamped = Math.min(1, Math.max(0, fraction))
    const filled = Math.round(clamped * BAR_WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
    return `[${bar}] ${String(Math.round(clamped * 100)).padStart(3)}%  ${count}`
  }
}
