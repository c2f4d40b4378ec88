import redis from '@adonisjs/redis/services/main'
import TimedCheck from '#health_checks/timed_check'

export default class RedisCheck extends TimedCheck {
  name = 'redis'

  protected ping() {
    return redis.ping()
  }
}
