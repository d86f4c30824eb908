/**
 * Writing user text so it stays text. `setValues` parses strings the way typing is
 * parsed: `=…` becomes a formula, `007` the number 7, `2026-01-05` a date. A leading
 * apostrophe makes Sheets keep the string as typed (and is not part of the value), so
 * text that could be parsed, or that starts like a formula, is written with one.
 */

const FORMULA_START = /^[=+\-@'\t\r\n]/;
/** Strings Sheets would read as a number, date, time, percent or boolean. */
const PARSEABLE = /^[\s\d.,:/%$€£eE()-]+$|^(true|false)$/i;

/** The string to pass to setValues so the cell holds exactly `text`. */
export function asText(text: string): string {
  if (text === '') return '';
  return FORMULA_START.test(text) || PARSEABLE.test(text.trim()) ? `'${text}` : text;
}

/** Neutralises spreadsheet formula injection in CSV output (OWASP's advice: prefix with '). */
export function csvSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Reads a cell as trimmed text; numbers and booleans become their text, errors stay as shown. */
export function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value).trim();
}

/** A Date cell as epoch milliseconds rounded to the second (sheet serials are not ms-exact), else null. */
export function cellTime(value: unknown): number | null {
  return Object.prototype.toString.call(value) === '[object Date]' ? Math.round((value as Date).getTime() / 1000) * 1000 : null;
}
