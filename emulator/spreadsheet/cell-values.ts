/**
 * Reading, writing and displaying one cell: the type rules of getValues/setValues.
 * A number shows as a Date when the cell's effective format is a date/time/duration format.
 */
import { parseTypedString } from './cell-parsing';
import type { Cell } from './model';
import { AUTOMATIC_FORMAT, DATE_TIME_FORMAT, isDateTimeFormat, renderValue, TEXT_FORMAT } from './number-format';
import { dateToSerial, serialToMs } from './serial-dates';

/** The explicit format, else the one Sheets picked from the input. */
function effectiveFormat(cell: Cell | undefined): string | undefined {
  return cell ? (cell.format ?? cell.autoFormat) : undefined;
}

/** What getNumberFormat returns for a cell. */
export function numberFormatOf(cell: Cell | undefined): string {
  return effectiveFormat(cell) ?? AUTOMATIC_FORMAT;
}

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The value getValues returns: Number, Boolean, Date, String, or '' when empty. */
export function readCell(cell: Cell | undefined, timeZone: string, DateClass: DateConstructor): unknown {
  if (!cell || cell.value === null) return '';
  const value = cell.value;
  if (typeof value === 'number' && isDateTimeFormat(effectiveFormat(cell))) return new DateClass(serialToMs(value, timeZone));
  return value;
}

/** Stores `input` in the cell as setValue would. */
export function writeCell(cell: Cell, input: unknown, timeZone: string): void {
  cell.formula = undefined;
  cell.autoFormat = undefined;
  if (input === null || input === undefined) {
    cell.value = null;
  } else if (typeof input === 'string') {
    const typed = parseTypedString(input, cell.format === TEXT_FORMAT);
    cell.value = typed.value;
    cell.formula = typed.formula;
    cell.autoFormat = typed.autoFormat;
  } else if (typeof input === 'number') {
    cell.value = Number.isFinite(input) ? input : '#NUM!';
  } else if (typeof input === 'boolean') {
    cell.value = input;
  } else if (isDateValue(input)) {
    const ms = input.getTime();
    cell.value = Number.isNaN(ms) ? null : dateToSerial(ms, timeZone);
    if (cell.value !== null) cell.autoFormat = DATE_TIME_FORMAT;
  } else {
    writeCell(cell, String(input), timeZone);
  }
}

/** The text getDisplayValues returns. */
export function displayCell(cell: Cell | undefined): string {
  if (!cell || cell.formula) return '';
  return renderValue(cell.value, effectiveFormat(cell));
}
