import { BaseTransformer } from '@adonisjs/core/transformers'
import type SecurityEvent from '#models/security_event'
import { isoTime } from '#helpers/dates'

export default class SecurityEventTransformer extends BaseTransformer<SecurityEvent> {
  toObject() {
    const event = this.resource
    return {
      type: event.type,
      ip: event.ip,
      userAgent: event.userAgent,
      createdAt: isoTime(event.createdAt),
      meta: event.meta,
    }
  }
}
