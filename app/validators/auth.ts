import vine from '@vinejs/vine'
import { notCommonPassword, notIdentity } from '#validators/rules/password'

/**
 * Shared rules: emails are trimmed and lower-cased; usernames are 3–30 of [a-zA-Z0-9_];
 * passwords are 8–128 characters, taken exactly as typed.
 */
export const email = () => vine.string().trim().toLowerCase().maxLength(254).email()
export const username = () =>
  vine
    .string()
    .trim()
    .minLength(3)
    .maxLength(30)
    .regex(/^[a-zA-Z0-9_]+$/)
export const password = () => vine.string().minLength(8).maxLength(128).use(notCommonPassword())
export const displayName = () => vine.string().trim().minLength(1).maxLength(60)

export const signupValidator = vine.create({
  email: email().unique({ table: 'users', column: 'email' }),
  username: username().unique({ table: 'users', column: 'username', caseInsensitive: true }),
  password: password().use(notIdentity({ fields: ['email', 'username'] })),
  displayName: displayName().nullable().optional(),
})

export const loginValidator = vine.create({
  login: vine.string().trim().minLength(1).maxLength(254),
  password: vine.string().minLength(1).maxLength(128),
})

export const refreshValidator = vine.create({
  refreshToken: vine.string().trim().minLength(1).maxLength(200),
})

export const tokenValidator = vine.create({
  token: vine.string().trim().minLength(1).maxLength(200),
})

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  token: vine.string().trim().minLength(1).maxLength(200),
  password: password(),
})

/** The identity check needs the user's email and username, given as metadata. */
export const changePasswordValidator = vine.withMetaData<{ identity: string[] }>().create({
  currentPassword: vine.string().minLength(1).maxLength(128),
  newPassword: password().use(notIdentity({ fields: [] })),
})
