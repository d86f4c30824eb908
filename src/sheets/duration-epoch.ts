/**
 * Duration cells come back from `getValues` as Dates counted from 1899-12-30 00:00 in
 * the spreadsheet's time zone. This finds that instant, so a duration of 1:30 reads as
 * 90 minutes whatever the zone (including its historic offset in 1899).
 */
import type { Services } from '../services/services';

export function durationEpochMs(services: Services): number {
  const noonUtc = Date.UTC(1899, 11, 30, 12);
  // "+0017" style offset of the zone at that date; Java and our emulator both give it.
  const zone = services.formatDate(noonUtc, 'Z');
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (+match[2] * 60 + +match[3]) : 0;
  return Date.UTC(1899, 11, 30) - offsetMinutes * 60_000;
}
