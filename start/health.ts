import { HealthChecks } from '@adonisjs/core/health'
import PostgresCheck from '#health_checks/postgres_check'
import RedisCheck from '#health_checks/redis_check'

/**
 * Readiness: the app can serve only while PostgreSQL and Redis answer.
 */
export const healthChecks = new HealthChecks().register([new PostgresCheck(), new RedisCheck()])
