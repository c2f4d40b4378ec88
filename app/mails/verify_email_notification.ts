import AccountMail from '#mails/account_mail'

/**
 * Asks a new user to confirm their address.
 */
export default class VerifyEmailNotification extends AccountMail {
  subject = 'Confirm your email address'
  protected path = 'verify-email'
  protected paragraphs = [
    'Welcome to AnimeSenpai! Please confirm that this email address is yours.',
  ]
  protected actionLabel = 'Confirm my email'
  protected footer =
    'The link works once and expires in 24 hours. If you did not sign up, ignore this mail.'
}
