import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

/**
 * Role abilities that are not about one object. Per-object rules live in `app/policies`.
 */
export const moderate = Bouncer.ability((user: User) => user.hasRole('moderator'))

export const administer = Bouncer.ability((user: User) => user.hasRole('admin'))
