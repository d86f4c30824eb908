/**
 * How Sheets (locale en_US) reads a string written with setValue(s), as if a person typed it:
 * apostrophe-escaped text, formulas, numbers, booleans, percentages, dates, times and durations.
 */
import { fieldsToSerial } from './serial-dates';

export type Scalar = number | string | boolean;

/** The stored result of typing a string into a cell. */
export interface TypedInput {
  value: Scalar | null;
  formula?: string;
  /** The format Sheets picks for what was typed (dates, times, percentages). */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIME = /^(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?\s*(am|pm|a|p)?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](.+))?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: (.+))?$/;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

interface ParsedTime {
  days: number;
  format: string;
}

function parseTime(text: string): ParsedTime | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] ? Number(m[3]) : 0;
  const fraction = m[4] ? Number(`0.${m[4]}`) : 0;
  const meridiem = m[5]?.toLowerCase();
  if (minutes > 59 || seconds > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.startsWith('p') ? 12 : 0);
  }
  const days = (hours * 3600 + minutes * 60 + seconds + fraction) / 86400;
  const withSeconds = m[3] !== undefined;
  let format = withSeconds ? 'h:mm:ss' : 'h:mm';
  if (hours >= 24) format = '[h]:mm:ss';
  else if (meridiem) format = withSeconds ? 'h:mm:ss am/pm' : 'h:mm am/pm';
  return { days, format };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseDate(text: string): TypedInput | null {
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;
  let format: string;
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    timeText = iso[4];
    format = 'yyyy-mm-dd';
  } else if (us) {
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (us[3].length === 2) year += year < 30 ? 2000 : 1900;
    timeText = us[4];
    format = 'M/d/yyyy';
  } else {
    return null;
  }
  if (!validDate(year, month, day)) return null;
  let serial = fieldsToSerial(year, month, day);
  if (timeText !== undefined) {
    const time = parseTime(timeText.trim());
    if (!time || time.days >= 1) return null;
    serial += time.days;
    format += time.format.includes('ss') ? ' H:mm:ss' : ' H:mm';
  }
  return { value: serial, autoFormat: format };
}

/**
 * Interprets `input` as typed text. `plainText` is true when the cell's format is '@',
 * in which case everything stays text.
 */
export function parseTypedString(input: string, plainText: boolean): TypedInput {
  if (input === '') return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (plainText) return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const number = parseNumber(text);
  if (number !== null) return { value: number };
  if (text.endsWith('%')) {
    const percent = parseNumber(text.slice(0, -1).trim());
    if (percent !== null) return { value: percent / 100, autoFormat: text.includes('.') ? '0.00%' : '0%' };
  }
  const currency = /^([+-]?)\$(.+)$/.exec(text);
  if (currency) {
    const amount = parseNumber(currency[2]);
    if (amount !== null) return { value: currency[1] === '-' ? -amount : amount, autoFormat: '"$"#,##0.00' };
  }
  const time = parseTime(text);
  if (time) return { value: time.days, autoFormat: time.format };
  return parseDate(text) ?? { value: input };
}
