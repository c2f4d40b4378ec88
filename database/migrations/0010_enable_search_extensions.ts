import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Catalog search: `pg_trgm` (typo-tolerant trigram matching) and `unaccent` (accent-insensitive
 * matching). `unaccent()` is only STABLE, so generated columns and index expressions use the
 * IMMUTABLE wrapper `immutable_unaccent(text)`, pinned to the `unaccent` dictionary.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('create extension if not exists pg_trgm')
    this.schema.raw('create extension if not exists unaccent')
    this.schema.raw(`
      create or replace function immutable_unaccent(value text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, value) $$
    `)
  }

  async down() {
    this.schema.raw('drop function if exists immutable_unaccent(text)')
    this.schema.raw('drop extension if exists unaccent')
    this.schema.raw('drop extension if exists pg_trgm')
  }
}
