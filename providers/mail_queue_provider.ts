import type { ApplicationService } from '@adonisjs/core/types'
import MailQueue from '#services/mail_queue'

/**
 * Sends `mail.sendLater` mails through the retrying background queue.
 */
export default class MailQueueProvider {
  #queues: MailQueue[] = []

  constructor(protected app: ApplicationService) {}

  async boot() {
    const mail = await this.app.container.make('mail.manager')
    const logger = await this.app.container.make('logger')
    mail.setMessenger((mailer) => {
      const queue = new MailQueue(mailer, logger)
      this.#queues.push(queue)
      return queue
    })
  }

  async shutdown() {
    this.#queues.forEach((queue) => queue.stop())
  }
}
