import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ROLES, type Role } from '#models/user'
import AccountService from '#services/account_service'

export default class UserRole extends BaseCommand {
  static commandName = 'user:role'
  static description = "Set a user's role (user, moderator or admin)"
  static help = [
    '{{ binaryName }} user:role alice@example.com admin',
    '{{ binaryName }} user:role bob moderator',
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({ argumentName: 'email-or-username', description: 'The account' })
  declare login: string

  @args.string({ argumentName: 'role', description: `One of ${ROLES.join(', ')}` })
  declare role: string

  async run() {
    if (!(ROLES as readonly string[]).includes(this.role)) {
      this.logger.error(`Unknown role "${this.role}": use one of ${ROLES.join(', ')}`)
      this.exitCode = 1
      return
    }
    const accounts = await this.app.container.make(AccountService)
    const user = await accounts.setRole(this.login, this.role as Role)
    if (!user) {
      this.logger.error(`No account has the email or username "${this.login}"`)
      this.exitCode = 1
      return
    }
    this.logger.success(`${user.username} is now ${user.role}`)
  }
}
