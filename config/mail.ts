import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

/**
 * `MAIL_MAILER` picks the transport: SMTP (Mailpit in docker compose) or Resend.
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER', 'smtp'),

  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'no-reply@animesenpai.local'),
    name: env.get('MAIL_FROM_NAME', 'AnimeSenpai'),
  },

  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 1025),
      secure: false,
      ignoreTLS: !env.get('SMTP_USERNAME'),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      auth: env.get('SMTP_USERNAME')
        ? {
            type: 'login',
            user: env.get('SMTP_USERNAME')!,
            pass: env.get('SMTP_PASSWORD', ''),
          }
        : undefined,
    }),
    resend: transports.resend({
      key: env.get('RESEND_API_KEY', ''),
      baseUrl: 'https://api.resend.com',
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
