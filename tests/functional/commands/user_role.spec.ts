import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import UserRole from '#commands/user_role'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'

test.group('ace user:role', () => {
  test('sets the role of a user found by email or username', async ({ assert }) => {
    const user = await UserFactory.merge({
      username: 'Motoko',
      email: 'motoko@example.com',
    }).create()

    const byUsername = await ace.create(UserRole, ['motoko', 'moderator'])
    await byUsername.exec()
    byUsername.assertSucceeded()
    const moderator = await User.findOrFail(user.id)
    assert.equal(moderator.role, 'moderator')

    const byEmail = await ace.create(UserRole, ['MOTOKO@example.com', 'admin'])
    await byEmail.exec()
    byEmail.assertSucceeded()
    const promoted = await User.findOrFail(user.id)
    assert.equal(promoted.role, 'admin')
  })

  test('fails for an unknown account or role', async () => {
    await UserFactory.merge({ username: 'batou' }).create()
    const unknownUser = await ace.create(UserRole, ['nobody', 'admin'])
    await unknownUser.exec()
    unknownUser.assertFailed()
    const unknownRole = await ace.create(UserRole, ['batou', 'emperor'])
    await unknownRole.exec()
    unknownRole.assertFailed()
  })
})
