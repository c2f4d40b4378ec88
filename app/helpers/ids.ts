/**
 * A row id as it may appear in a path: 1 to 15 digits, so it fits a bigint and a JS number.
 * Anything else cannot name a row and answers 404 (contract rule 25) before any query.
 */
export const ID_PATTERN = /^[1-9]\d{0,14}$/

/** Route matcher for id segments (`.where('id', idMatcher)`). */
export const idMatcher = { match: ID_PATTERN, cast: (value: string) => Number(value) }
