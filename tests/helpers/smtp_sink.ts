import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import env from '#start/env'

type Mode = 'accept' | 'refuse' | 'hang'

/**
 * A real SMTP server on the port the test app sends to. It stores what it receives, and can
 * refuse every mail or hang without answering, to prove mail never slows a request.
 */
class SmtpSink {
  mails: ParsedMail[] = []
  mode: Mode = 'accept'
  #server?: SMTPServer
  #waiters: (() => void)[] = []

  start() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (this.mode === 'refuse') return callback(new Error('Mail service unavailable'))
        if (this.mode === 'hang') return
        callback()
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail)
            this.#waiters.splice(0).forEach((resolve) => resolve())
            callback()
          })
          .catch(callback)
      },
    })
    return new Promise<void>((resolve) => {
      this.#server!.listen(env.get('SMTP_PORT', 2525), '127.0.0.1', resolve)
    })
  }

  stop() {
    return new Promise<void>((resolve) => {
      if (!this.#server) return resolve()
      this.#server.close(() => resolve())
    })
  }

  reset() {
    this.mails = []
    this.mode = 'accept'
  }

  /** Waits for a mail to `to` (5 s at most) and returns it. */
  async waitFor(to: string, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const found = this.mails.find((mail) => this.#recipients(mail).includes(to))
      if (found) return found
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
    throw new Error(`No mail to ${to} within ${timeoutMs} ms`)
  }

  sentTo(to: string) {
    return this.mails.filter((mail) => this.#recipients(mail).includes(to))
  }

  #recipients(mail: ParsedMail) {
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
    return to.flatMap((address) => address.value.map((entry) => entry.address))
  }
}

export const smtpSink = new SmtpSink()

/** The token of the first link to `path` in a mail's text part. */
export function tokenFromMail(mail: ParsedMail, path: string) {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '')
  if (!match) throw new Error(`No ${path} link in the mail`)
  return match[1]
}
