import AccountMail from '#mails/account_mail'

/**
 * Sends the password reset link.
 */
export default class ResetPasswordNotification extends AccountMail {
  subject = 'Reset your password'
  protected path = 'reset-password'
  protected paragraphs = ['Someone asked to reset the password of your AnimeSenpai account.']
  protected actionLabel = 'Choose a new password'
  protected footer =
    'The link works once and expires in 1 hour. If you did not ask for it, ignore this mail: your password stays the same.'
}
