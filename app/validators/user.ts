import vine from '@vinejs/vine'
import { displayName, username } from '#validators/auth'

/**
 * Profile edits. The username stays unique case-insensitively; the user's own current name
 * (in another case) is allowed.
 */
export const updateProfileValidator = vine.withMetaData<{ userId: number }>().create({
  displayName: displayName().nullable().optional(),
  bio: vine.string().trim().maxLength(1000).nullable().optional(),
  avatarUrl: vine
    .string()
    .trim()
    .maxLength(2048)
    .url({ protocols: ['http', 'https'], require_protocol: true })
    .nullable()
    .optional(),
  username: username()
    .unique({
      table: 'users',
      column: 'username',
      caseInsensitive: true,
      filter: (query, _value, field) => {
        query.whereNot('id', field.meta.userId)
      },
    })
    .optional(),
  preferences: vine
    .object({
      listVisibility: vine.enum(['public', 'private'] as const).optional(),
      showAdult: vine.boolean({ strict: true }).optional(),
    })
    .optional(),
})

export const deleteAccountValidator = vine.create({
  password: vine.string().minLength(1).maxLength(128),
})

export const usernameParamValidator = vine.create({
  username: vine.string().trim().maxLength(100),
})
