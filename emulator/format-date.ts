/**
 * Utilities.formatDate: Java SimpleDateFormat patterns rendered in a given time zone.
 * Supports y, M, L, d, D, E, u, a, H, k, K, h, m, s, S, z, Z, X and 'quoted text'.
 */
import { timeZoneOffset } from './time-zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(offsetMs: number, letter: string, count: number): string {
  const minutes = Math.round(offsetMs / 60000);
  if (letter === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  if (letter === 'X') return count === 1 ? `${sign}${hh}` : count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(utcMs: number, timeZone: string, long: boolean): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' }).formatToParts(new Date(utcMs));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function field(letter: string, count: number, wall: Date, utcMs: number, offsetMs: number, timeZone: string): string {
  const hours = wall.getUTCHours();
  switch (letter) {
    case 'G':
      return wall.getUTCFullYear() > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(wall.getUTCFullYear() % 100, 2) : pad(wall.getUTCFullYear(), count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[wall.getUTCMonth()];
      if (count === 3) return MONTHS[wall.getUTCMonth()].slice(0, 3);
      return pad(wall.getUTCMonth() + 1, count);
    case 'd':
      return pad(wall.getUTCDate(), count);
    case 'D': {
      const dayOfYear = Math.floor((wall.getTime() - Date.UTC(wall.getUTCFullYear(), 0, 1)) / 86400000) + 1;
      return pad(dayOfYear, count);
    }
    case 'E':
      return count >= 4 ? DAYS[wall.getUTCDay()] : DAYS[wall.getUTCDay()].slice(0, 3);
    case 'u':
      return pad(wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(), count);
    case 'a':
      return hours < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(hours, count);
    case 'k':
      return pad(hours === 0 ? 24 : hours, count);
    case 'K':
      return pad(hours % 12, count);
    case 'h':
      return pad(hours % 12 === 0 ? 12 : hours % 12, count);
    case 'm':
      return pad(wall.getUTCMinutes(), count);
    case 's':
      return pad(wall.getUTCSeconds(), count);
    case 'S':
      return pad(wall.getUTCMilliseconds(), count);
    case 'z':
      return zoneName(utcMs, timeZone, count >= 4);
    case 'Z':
    case 'X':
      return offsetText(offsetMs, letter, count);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `date` in `timeZone` with a Java SimpleDateFormat pattern, as Utilities.formatDate does. */
export function formatDate(date: Date | number, timeZone: string, pattern: string): string {
  const utcMs = typeof date === 'number' ? date : date.getTime();
  if (Number.isNaN(utcMs)) throw new Error('Invalid argument: date');
  const offsetMs = timeZoneOffset(timeZone, utcMs);
  const wall = new Date(utcMs + offsetMs);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      i += 1;
      if (pattern[i] === "'") {
        out += "'";
        i += 1;
        continue;
      }
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") break;
          i += 1;
        }
        out += pattern[i];
        i += 1;
      }
      i += 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += field(ch, count, wall, utcMs, offsetMs, timeZone);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
