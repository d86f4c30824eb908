/**
 * Time-zone arithmetic through Intl: the offset of a zone at an instant, and the conversions between
 * an instant and the wall-clock time a person in that zone would read (as UTC-based milliseconds).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const BUCKET_MS = 15 * 60 * 1000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone (${timeZone})`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffset(timeZone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(whole))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  // Date.UTC maps years 0..99 to 1900..1999; fix those rare cases.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return fixed - whole;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone`. */
export function timeZoneOffset(timeZone: string, utcMs: number): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = Math.floor(utcMs / BUCKET_MS);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const start = computeOffset(timeZone, bucket * BUCKET_MS);
  const end = computeOffset(timeZone, (bucket + 1) * BUCKET_MS - 1000);
  if (start === end) {
    cache.set(bucket, start);
    return start;
  }
  return computeOffset(timeZone, utcMs);
}

/** The wall-clock reading in `timeZone` of an instant, as milliseconds read with getUTC* methods. */
export function toWallClock(utcMs: number, timeZone: string): number {
  return utcMs + timeZoneOffset(timeZone, utcMs);
}

/** The instant at which a person in `timeZone` reads the given wall-clock time. */
export function fromWallClock(wallMs: number, timeZone: string): number {
  const first = wallMs - timeZoneOffset(timeZone, wallMs);
  return wallMs - timeZoneOffset(timeZone, first);
}

/** Throws Apps Script's error unless `timeZone` is a zone Intl knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}
