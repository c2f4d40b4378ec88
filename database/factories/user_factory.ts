import factory from '@adonisjs/lucid/factories'
import User, { DEFAULT_PREFERENCES } from '#models/user'

export const UserFactory = factory
  .define(User, ({ faker }) => {
    const username = `${faker.internet.username().replace(/\W/g, '_').slice(0, 20)}_${faker.string.alphanumeric(6)}`
    return {
      email: `${username.toLowerCase()}@example.com`,
      username,
      password: 'correct horse battery staple',
      displayName: faker.person.fullName().slice(0, 60),
      bio: null,
      avatarUrl: null,
      role: 'user' as const,
      preferences: { ...DEFAULT_PREFERENCES },
      emailVerifiedAt: null,
    }
  })
  .state('admin', (user) => (user.role = 'admin'))
  .state('moderator', (user) => (user.role = 'moderator'))
  .build()
