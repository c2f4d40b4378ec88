import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

/**
 * Ids and counts are JSON numbers (config/database.ts parses int8 as a number), so the
 * generated schema types them as such.
 */
export default {
  types: {
    bigint: { tsType: 'number', decorator: '@column()' },
    decimal: { tsType: 'number', decorator: '@column()' },
  },
  primaryKey: (_table, primaryKeys) =>
    primaryKeys.length === 1
      ? {
          columnName: primaryKeys[0],
          columnInfo: { tsType: 'number', decorator: '@column({ isPrimary: true })' },
        }
      : undefined,
} satisfies SchemaRules
