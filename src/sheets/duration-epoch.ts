/**
 * Duration cells come back from `getValues` as Dates counted from 1899-12-30 00:00 in
 * the spreadsheet's time zone. This finds that instant, so a duration of 1:30 reads as
 * 90 minutes whatever the zone (including its historic offset in 1899).
 */
import { startOfDay } from '../services/calendar-day';
import type { Services } from '../services/ports';

export function durationEpochMs(services: Services): number {
  return startOfDay(services, '1899-12-30');
}
