// Points in time as people type them: an ISO date ("2026-11-01",
// "2026-11-01T10:00Z") or a span back from now ("90m", "12h", "7d", "2w").

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Parse a duration such as "30d" into milliseconds, or undefined. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/i.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * units[m[2].toLowerCase()];
}

/** A time in the past: "7d" means 7 days ago; an ISO date as written. */
export function parseSince(text: string, now = Date.now()): Date {
  const span = parseDuration(text);
  if (span !== undefined) return new Date(now - span);
  return parseDate(text, 'since');
}

/** A time in the future: "30d" means 30 days from now; an ISO date as written. */
export function parseUntil(text: string, now = Date.now()): Date {
  const span = parseDuration(text);
  if (span !== undefined) return new Date(now + span);
  return parseDate(text, 'expiry');
}

function parseDate(text: string, what: string): Date {
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const d = new Date(text.trim());
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new RangeError(`"${text}" is not a ${what} Paladin understands: give a span such as 90m, 12h, 7d or 2w, or a date such as 2026-11-01 or 2026-11-01T10:00Z`);
}
