import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Anime from '#models/anime'

/**
 * Typo- and word-order-tolerant title search over every title and synonym (`search_titles`,
 * lower-cased and unaccented by the migration).
 *
 * Candidates come from the trigram index: word similarity (`%>`, threshold 0.5 set per
 * connection in config/database.ts) catches typos ("attak on titan") and any word order. The
 * rank adds the best word-window similarity over all titles to the best whole-title
 * similarity (so "Naruto" beats "Naruto: Shippuuden" for "naruto"), a bonus when every word
 * of the query appears as such (full-text), and a hundredth of the dataset's score to break
 * near-ties.
 */
export default class AnimeSearch {
  /** Keeps the titles that match the query. */
  filter(query: ModelQueryBuilderContract<typeof Anime>, text: string) {
    const q = text.toLowerCase()
    return query.where((candidates) => {
      candidates
        .whereRaw('anime.search_titles %> lower(immutable_unaccent(?))', [q])
        .if(q.length < 3, (short) =>
          short.orWhereRaw('anime.search_titles like ?', [`%${q.replace(/[\\%_]/g, '\\$&')}%`])
        )
    })
  }

  /** Adds `search_rank`, higher for better matches, for `sort=relevance`. */
  rank(query: ModelQueryBuilderContract<typeof Anime>, text: string) {
    const q = text.toLowerCase()
    return query.select(
      db.raw(
        `(word_similarity(lower(immutable_unaccent(?)), anime.search_titles)
          + coalesce((select max(similarity(lower(immutable_unaccent(?)), lower(immutable_unaccent(t))))
              from unnest(array[anime.title, anime.title_english] || anime.synonyms) as t), 0)
          + case when anime.search_vector @@ plainto_tsquery('simple', lower(immutable_unaccent(?)))
              then 0.25 else 0 end
          + coalesce(anime.source_score, 0) / 100) as search_rank`,
        [q, q, q]
      )
    )
  }
}
