/**
 * Dates in the spreadsheet's time zone. Sheets store wall-clock dates; the add-on works in
 * instants. These turn one into the other through the zone's offset on that day, read as
 * the wall-clock time Utilities.formatDate gives, to the second (a "Z" offset would drop
 * the seconds of historic offsets such as Amsterdam's +00:19:32 in 1899).
 */
import type { Services } from '../services/services';

/** The zone's offset from UTC, in milliseconds, at an instant. */
export function zoneOffsetMs(services: Services, instant: number): number {
  const wall = services.formatDate(instant, "yyyy-MM-dd'T'HH:mm:ss");
  return Date.parse(`${wall}Z`) - Math.floor(instant / 1000) * 1000;
}

/** Midnight at the start of a yyyy-mm-dd day in the spreadsheet's zone, or null if the text is not such a date. */
export function startOfDayMs(services: Services, isoDay: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDay ?? '').trim());
  if (!match) return null;
  const utcMidnight = Date.UTC(+match[1], +match[2] - 1, +match[3]);
  if (new Date(utcMidnight).getUTCDate() !== +match[3]) return null;
  return utcMidnight - zoneOffsetMs(services, utcMidnight + 12 * 3_600_000);
}
