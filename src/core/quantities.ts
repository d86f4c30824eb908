/**
 * Exact quantities: hours are kept as whole minutes and money as whole cents, both plain
 * integers, so no sum ever accumulates binary-float error. This module parses what people
 * type into an hours cell and formats minutes and cents for display.
 */
import { type Refusal, type Result, refuse } from './result';

/** Milliseconds in a day, for duration cells that come back as Dates from 1899-12-30. */
const DAY_MS = 86_400_000;

/** A parsed quantity, or why it cannot be read (`bad-hours`, `bad-amount`). */
export type Parsed<T> = Result<T, Refusal<'bad-hours' | 'bad-amount'>>;

/** One entry may hold at most a day: more is refused, when logged and when authorized. */
export const MAX_ENTRY_MINUTES = 24 * 60;
/** An entry longer than this is unusual: authorizing it needs a confirmation. */
export const LONG_ENTRY_MINUTES = 12 * 60;
/** One person's entries on one day adding up to more than this need a confirmation. */
export const LONG_DAY_MINUTES = 24 * 60;

/** Whole minutes to decimal hours for a sheet cell; reading it back with {@link hoursToMinutes} is exact. */
export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

/** Decimal hours from a sheet cell to whole minutes (the nearest minute). */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/** Shows minutes as hours with two decimals: 75 -> "1.25", -90 -> "-1.50"; "not a number" for a cell that held none. */
export function formatHours(minutes: number): string {
  if (!Number.isFinite(minutes)) return 'not a number';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const hundredths = Math.round((abs * 100) / 60);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Shows cents as money with two decimals and the currency code: 12345, "EUR" -> "EUR 123.45". */
export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency ? `${currency} ` : ''}${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Amount in cents of `minutes` at an hourly rate in cents, rounded half up to the cent. */
export function amountCents(minutes: number, rateCents: number): number {
  return Math.round((minutes * rateCents) / 60);
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const HOURS_PATTERNS: { re: RegExp; toMinutes: (m: RegExpMatchArray) => number }[] = [
  // 1:30 or 1:30:00 (seconds are rounded to the minute)
  { re: /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/, toMinutes: (m) => +m[1] * 60 + +m[2] + Math.round(+(m[3] ?? 0) / 60) },
  // 1h30, 1h 30m, 2h, 1.5h, 1 h (minutes after whole hours only, and below 60)
  { re: /^(\d+)\s*h(?:\s*([0-5]?\d)\s*m?)?$/i, toMinutes: (m) => +m[1] * 60 + +(m[2] ?? 0) },
  { re: /^(\d+[.,]\d+)\s*h$/i, toMinutes: (m) => Math.round(+m[1].replace(',', '.') * 60) },
  // 90m, 90 min
  { re: /^(\d+)\s*m(?:in)?$/i, toMinutes: (m) => +m[1] },
  // 1.5 or 1,5
  { re: /^(\d+(?:[.,]\d+)?|[.,]\d+)$/, toMinutes: (m) => Math.round(+m[1].replace(',', '.') * 60) },
];

/**
 * Parses an hours cell or form field to whole minutes. Accepts a number of hours, `1:30`,
 * `1h30`, `90m`, and duration cells, which `getValues` returns as a Date counted from
 * 1899-12-30 (`durationEpochMs` is that instant in the spreadsheet's time zone).
 */
export function parseHours(value: unknown, durationEpochMs = Date.UTC(1899, 11, 30)): Parsed<number> {
  if (value === '' || value === null || value === undefined) return refuse('bad-hours', 'Hours are missing.');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return refuse('bad-hours', 'Hours are not a number.');
    if (value < 0) return refuse('bad-hours', `Hours are negative (${value}).`);
    if (value > 24 * 366) return refuse('bad-hours', `Hours are implausibly large (${value}).`);
    return { ok: true, value: hoursToMinutes(value) };
  }
  if (isDate(value)) {
    const minutes = Math.round((value.getTime() - durationEpochMs) / 60_000);
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > (366 * DAY_MS) / 60_000) {
      return refuse('bad-hours', 'Hours hold a date, not a duration.');
    }
    return { ok: true, value: minutes };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return refuse('bad-hours', 'Hours are missing.');
    if (/^-/.test(text)) return refuse('bad-hours', `Hours are negative ("${text}").`);
    for (const { re, toMinutes } of HOURS_PATTERNS) {
      const match = text.match(re);
      if (match) return parseHours(toMinutes(match) / 60);
    }
    return refuse('bad-hours', `Hours "${text}" are not a number. Use 1.5, 1:30, 1h30 or 90m.`);
  }
  return refuse('bad-hours', `Hours are not a number (${String(value)}).`);
}

/**
 * The sentence refusing an entry of more than {@link MAX_ENTRY_MINUTES}, or null when the
 * minutes fit in one entry. Top-ups and adjustments have no such limit.
 */
export function entryTooLong(minutes: number): string | null {
  if (minutes <= MAX_ENTRY_MINUTES) return null;
  return `${formatHours(minutes)} h is more than 24 h in one entry. Log each day's work as an entry of its own.`;
}

/**
 * Parses a signed hours amount for an adjustment ("-2", "-1:30", 2.5). Zero is refused
 * because a zero adjustment changes nothing and only clutters the log.
 */
export function parseSignedHours(value: unknown): Parsed<number> {
  const negative = typeof value === 'number' ? value < 0 : typeof value === 'string' && value.trim().startsWith('-');
  const magnitude = typeof value === 'number' ? Math.abs(value) : typeof value === 'string' ? value.trim().replace(/^-/, '') : value;
  const parsed = parseHours(magnitude);
  if (!parsed.ok) return parsed;
  if (parsed.value === 0) return refuse('bad-hours', 'The amount is zero; enter a number of hours other than 0.');
  return { ok: true, value: negative ? -parsed.value : parsed.value };
}

/** Parses a money cell (a number, or text like "85", "85.50", "1,250.00") to whole cents. */
export function parseMoney(value: unknown): Parsed<number> {
  // Commas are dropped only as thousands separators ("1,250.00"); "85,50" is refused
  // rather than read as 8,550.00 — a decimal comma would otherwise bill 100 times over.
  const trimmed = typeof value === 'string' ? value.trim() : '';
  const text = typeof value === 'number' ? String(value) : /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  if (text === '') return refuse('bad-amount', 'The amount is missing.');
  if (!/^-?\d+(\.\d+)?$/.test(text) && !(typeof value === 'number' && Number.isFinite(value))) {
    return refuse('bad-amount', `"${String(value)}" is not an amount.`);
  }
  const cents = Math.round(Number(text) * 100);
  if (!Number.isFinite(cents)) return refuse('bad-amount', `"${String(value)}" is not an amount.`);
  return { ok: true, value: cents };
}
