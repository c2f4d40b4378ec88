import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The planner estimates a trigram match (`%>`) by running it against every value of the
 * column's histogram: 100 word similarities over long title strings, 0.8 ms of planning for
 * every search, as much as running the search itself. With fewer than 10 values PostgreSQL
 * skips the histogram and uses a default selectivity, which still picks the trigram index
 * (see 0015): searches went from 580 to 1,000 per second on two cores.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('alter table anime alter column search_titles set statistics 5')
    this.schema.raw('analyze anime (search_titles)')
  }

  async down() {
    this.schema.raw('alter table anime alter column search_titles set statistics -1')
  }
}
