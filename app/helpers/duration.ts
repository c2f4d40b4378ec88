const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

/**
 * Parses the contract's duration strings (`900ms`, `30s`, `15m`, `7d`) into milliseconds.
 * A bare number means seconds. Returns null for anything else.
 */
export function parseDuration(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value)
  if (!match) return null
  const amount = Number(match[1]) * UNITS[match[2] ?? 's']
  return amount > 0 ? Math.round(amount) : null
}
