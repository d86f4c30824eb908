/**
 * Calendar days in the spreadsheet's time zone. The sidebar sends and receives days as
 * `yyyy-MM-dd` text (google.script.run cannot carry a Date, and a person's "today"
 * depends on the sheet's zone, not on the server's); the sheet stores the instant of that
 * day's midnight in the zone. Offsets are read to the second from the wall-clock time
 * Utilities.formatDate gives (a "Z" offset would drop the seconds of historic offsets such
 * as Amsterdam's +00:19:32, which duration cells counted from 1899 still use).
 */
import type { Services } from './ports';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The `yyyy-MM-dd` day of an instant in the spreadsheet's time zone. */
export function dayOf(services: Services, time: number): string {
  return services.formatDate(time, 'yyyy-MM-dd');
}

/** True for real calendar days written `yyyy-MM-dd` (2026-02-30 is not one). */
export function isDay(text: string): boolean {
  const match = DAY_PATTERN.exec(String(text ?? ''));
  if (!match) return false;
  const utc = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return utc.getUTCFullYear() === +match[1] && utc.getUTCMonth() === +match[2] - 1 && utc.getUTCDate() === +match[3];
}

/** The zone's offset from UTC, in milliseconds, at an instant. */
function offsetMs(services: Services, instant: number): number {
  const wall = services.formatDate(instant, "yyyy-MM-dd'T'HH:mm:ss");
  return Date.parse(`${wall}Z`) - Math.floor(instant / 1000) * 1000;
}

/** The instant a `yyyy-MM-dd` day starts in the spreadsheet's time zone. */
export function startOfDay(services: Services, day: string): number {
  if (!isDay(day)) throw new Error(`"${day}" is not a date written yyyy-mm-dd.`);
  const [year, month, date] = day.split('-').map(Number);
  const wallMidnight = Date.UTC(year, month - 1, date);
  // The zone's offset at midnight can differ from the one at the first guess across a DST change.
  const guess = wallMidnight - offsetMs(services, wallMidnight);
  return wallMidnight - offsetMs(services, guess);
}
