import db from '@adonisjs/lucid/services/db'
import TimedCheck from '#health_checks/timed_check'

export default class PostgresCheck extends TimedCheck {
  name = 'postgres'

  protected ping() {
    return db.rawQuery('select 1')
  }
}
