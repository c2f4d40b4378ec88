/** What every slug looks like: lower-case ASCII words joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Kebab-case ASCII slug of a text: accents dropped ("Pokémon" → "pokemon"), `&` read as "and",
 * apostrophes dropped ("JoJo's" → "jojos"), every other run of non-alphanumerics one dash.
 * Cut at a word boundary to `maxLength`. Empty when the text has no Latin letter or digit.
 */
export function slugify(text: string, maxLength = 100) {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  const boundary = cut.lastIndexOf('-')
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '')
}
