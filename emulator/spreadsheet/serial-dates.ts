/**
 * Spreadsheet serial numbers: days since 1899-12-30 00:00 read on the spreadsheet's wall clock.
 * Sheets stores every date, time and duration this way; the format decides how it is shown.
 */
import { fromWallClock, toWallClock } from '../time-zone';

const EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86400000;

/** The serial number of an instant in a spreadsheet whose time zone is `timeZone`. */
export function dateToSerial(date: Date | number, timeZone: string): number {
  const ms = typeof date === 'number' ? date : date.getTime();
  return (toWallClock(ms, timeZone) - EPOCH_MS) / DAY_MS;
}

/** The instant (epoch milliseconds) of a serial number, rounded to the millisecond. */
export function serialToMs(serial: number, timeZone: string): number {
  return fromWallClock(Math.round(EPOCH_MS + serial * DAY_MS), timeZone);
}

/** The Date of a serial number in `timeZone` (a duration counts from 1899-12-30 00:00). */
export function serialToDate(serial: number, timeZone: string): Date {
  return new Date(serialToMs(serial, timeZone));
}

/** The serial number of a wall-clock date/time given as fields (month 1-12). */
export function fieldsToSerial(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): number {
  return (Date.UTC(year, month - 1, day, hours, minutes, seconds) - EPOCH_MS) / DAY_MS;
}

/** The wall-clock reading of a serial number, as milliseconds read with getUTC* methods. */
export function serialToWallClock(serial: number): number {
  return Math.round(EPOCH_MS + serial * DAY_MS);
}
