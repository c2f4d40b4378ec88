import vine from '@vinejs/vine'

const slug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)

export const createGenreValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(60),
  slug: slug().optional(),
})

export const updateGenreValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(60).optional(),
  slug: slug().optional(),
})
