import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import { isoTime } from '#helpers/dates'

/**
 * The User resource: shown only to its owner.
 */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      displayName: user.displayName ?? null,
      bio: user.bio ?? null,
      avatarUrl: user.avatarUrl ?? null,
      role: user.role,
      emailVerified: Boolean(user.emailVerifiedAt),
      createdAt: isoTime(user.createdAt),
      preferences: user.settings,
    }
  }
}
