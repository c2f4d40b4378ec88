import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import { isoTime } from '#helpers/dates'

/**
 * What anybody may see of a user: never the email, role, sessions or security data.
 */
export default class PublicUserTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    return {
      username: user.username,
      displayName: user.displayName ?? null,
      bio: user.bio ?? null,
      avatarUrl: user.avatarUrl ?? null,
      createdAt: isoTime(user.createdAt),
    }
  }
}
