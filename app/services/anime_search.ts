import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Anime from '#models/anime'

/** Queries shorter than this are typed-ahead prefixes, too short for similarity to mean much. */
const TRIGRAM_MIN_LENGTH = 4

/**
 * Typo- and word-order-tolerant title search over every title and synonym (`search_titles`,
 * lower-cased and unaccented by the migration).
 *
 * Candidates come from the trigram index: word similarity (`%>`, threshold 0.5 set per
 * connection in config/database.ts) catches typos ("attak on titan") and any word order. The
 * rank adds the best word-window similarity over all titles to the best whole-title
 * similarity among the title, English title and synonyms (`search_terms`, so "Naruto" beats
 * "Naruto: Shippuuden" for "naruto"), a bonus when every word of the query appears as such
 * (full-text), and a hundredth of the dataset's score to break near-ties.
 *
 * Up to three letters ("k", "86", "進撃", "nar": what a search box sends while someone types)
 * match any title containing them, ranked by a cheap measure over `search_terms`: an exact
 * title or synonym, then one starting with them, then one with a word starting with them,
 * the dataset's score breaking ties. Similarity says little about so short a text: one or two letters have no
 * trigram to match (computing it for the thousands of titles that contain "a" took 200 ms),
 * and three match every word sharing its first two letters ("toi": 1,202 titles, 30 ms,
 * where the substring finds 11 in 1 ms through the same trigram index).
 */
export default class AnimeSearch {
  /** Keeps the titles that match the query. */
  filter(query: ModelQueryBuilderContract<typeof Anime>, text: string) {
    const q = text.toLowerCase()
    if (q.length < TRIGRAM_MIN_LENGTH) {
      return query.whereRaw(`anime.search_titles like '%' || immutable_unaccent(?) || '%'`, [
        q.replace(/[\\%_]/g, '\\$&'),
      ])
    }
    return query.whereRaw('anime.search_titles %> lower(immutable_unaccent(?))', [q])
  }

  /** Adds `search_rank`, higher for better matches, for `sort=relevance`. */
  rank(query: ModelQueryBuilderContract<typeof Anime>, text: string) {
    const q = text.toLowerCase()
    if (q.length < TRIGRAM_MIN_LENGTH) {
      return query.select(
        db.raw(
          `((immutable_unaccent(?) = any(anime.search_terms))::int * 4
            + exists(select from unnest(anime.search_terms) as term
                      where starts_with(term, immutable_unaccent(?)))::int * 2
            + (position(' ' || immutable_unaccent(?) in ' ' || anime.search_titles) > 0)::int
            + coalesce(anime.source_score, 0) / 100) as search_rank`,
          [q, q, q]
        )
      )
    }
    return query.select(
      db.raw(
        `(word_similarity(lower(immutable_unaccent(?)), anime.search_titles)
          + coalesce((select max(similarity(lower(immutable_unaccent(?)), term))
              from unnest(anime.search_terms) as term), 0)
          + case when anime.search_vector @@ plainto_tsquery('simple', lower(immutable_unaccent(?)))
              then 0.25 else 0 end
          + coalesce(anime.source_score, 0) / 100) as search_rank`,
        [q, q, q]
      )
    )
  }
}
