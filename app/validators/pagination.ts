import vine from '@vinejs/vine'

/** `page` ≥ 1 and `perPage` 1…max (default 20): out of range answers 422, never clamped. */
export const pageRules = (maxPerPage = 100) => ({
  page: vine.number().withoutDecimals().min(1).max(1_000_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(maxPerPage).optional(),
})

export const paginationValidator = vine.create(pageRules())
