import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * pg_trgm declares its word-similarity operator (`%>`) as cheap as `=`, so the planner
 * prefers to scan the whole catalog and compute it for every row (300 ms) over the trigram
 * index (10–40 ms). Declaring its real cost makes the index win.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('alter function word_similarity_commutator_op(text, text) cost 500')
  }

  async down() {
    this.schema.raw('alter function word_similarity_commutator_op(text, text) cost 1')
  }
}
