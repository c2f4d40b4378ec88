import type { DateTime } from 'luxon'

/** The contract's timestamps: ISO-8601 in UTC with milliseconds (`2026-12-04T15:30:00.000Z`). */
export function isoTime(value: DateTime): string
export function isoTime(value: DateTime | null | undefined): string | null
export function isoTime(value: DateTime | null | undefined) {
  return value ? value.toUTC().toISO() : null
}
