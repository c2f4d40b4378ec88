import type { Logger } from '@adonisjs/core/logger'
import type { Mailer } from '@adonisjs/mail'
import type {
  MailerMessenger,
  MailTransportContract,
  MessageBodyTemplates,
  NodeMailerMessage,
} from '@adonisjs/mail/types'

type Job = {
  mail: { message: NodeMailerMessage; views: MessageBodyTemplates }
  sendConfig?: unknown
  attempt: number
}

/** Waits before attempts 2, 3, 4 and 5: a mail server that is down gets time to come back. */
const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000]

/**
 * The messenger behind `mail.sendLater`: sends in the background, never in the request,
 * retries failures with back-off and logs each outcome. Mail in flight is lost on a crash,
 * which the contract accepts for verification and reset mails (users can ask again).
 */
export default class MailQueue implements MailerMessenger {
  #timers = new Set<NodeJS.Timeout>()

  constructor(
    protected mailer: Mailer<MailTransportContract>,
    protected logger: Logger
  ) {}

  async queue(mail: Job['mail'], sendConfig?: unknown) {
    this.#run({ mail, sendConfig, attempt: 1 })
  }

  /** Drops retries still waiting, on shutdown. */
  stop() {
    this.#timers.forEach((timer) => clearTimeout(timer))
    this.#timers.clear()
  }

  #run(job: Job) {
    this.mailer
      .sendCompiled(job.mail, job.sendConfig)
      .then(() => {
        this.logger.info({ mailer: this.mailer.name, attempt: job.attempt }, 'mail sent')
      })
      .catch((error: Error) => this.#retry(job, error))
  }

  #retry(job: Job, error: Error) {
    const delay = BACKOFF_MS[job.attempt - 1]
    if (delay === undefined) {
      this.logger.error(
        { err: error, mailer: this.mailer.name, attempts: job.attempt },
        'mail not sent: giving up'
      )
      return
    }
    this.logger.warn(
      { err: error, mailer: this.mailer.name, attempt: job.attempt, retryInMs: delay },
      'mail not sent: will retry'
    )
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      this.#run({ ...job, attempt: job.attempt + 1 })
    }, delay)
    timer.unref()
    this.#timers.add(timer)
  }
}
