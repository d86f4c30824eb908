/**
 * Calendar days in the spreadsheet's time zone. The sidebar sends and receives days as
 * `yyyy-MM-dd` text (google.script.run cannot carry a Date, and a person's "today"
 * depends on the sheet's zone, not on the server's); the sheet stores the instant of that
 * day's midnight in the zone.
 */
import type { Services } from '../services/services';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The `yyyy-MM-dd` day of an instant in the spreadsheet's time zone. */
export function dayOf(services: Services, time: number): string {
  return services.formatDate(time, 'yyyy-MM-dd');
}

/** True for real calendar days written `yyyy-MM-dd` (2026-02-30 is not one). */
export function isDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const utc = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return utc.getUTCFullYear() === +match[1] && utc.getUTCMonth() === +match[2] - 1 && utc.getUTCDate() === +match[3];
}

function offsetMs(services: Services, time: number): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(services.formatDate(time, 'Z'));
  return match ? (match[1] === '-' ? -1 : 1) * (+match[2] * 60 + +match[3]) * 60_000 : 0;
}

/** The instant a `yyyy-MM-dd` day starts in the spreadsheet's time zone. */
export function startOfDay(services: Services, day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match || !isDay(day)) throw new Error(`"${day}" is not a date written yyyy-mm-dd.`);
  const wallMidnight = Date.UTC(+match[1], +match[2] - 1, +match[3]);
  // The zone's offset at midnight can differ from the one at the first guess across a DST change.
  const guess = wallMidnight - offsetMs(services, wallMidnight);
  return wallMidnight - offsetMs(services, guess);
}
