/**
 * The `Prepaid log` sheet: the ledger's source of truth. Every change to a balance is a
 * row here, identified by its Log ID and tied to the Entry ID or invoice it concerns.
 * Reading refuses a log it cannot add up (text in Hours, an unknown Kind), because a
 * balance must always equal the sum of its log; a `Balance after` that is not a number is
 * left to the chain check. Appending writes one block.
 */
import { hoursToMinutes, minutesToHours } from '../core/quantities';
import { LOG_KINDS, type LogKind, type LogRow } from '../core/types';
import { asText, cellString, cellTime } from './cell-text';
import { PREPAID_LOG } from './schema';
import { SchemaError, SheetTable } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function minutesCell(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return hoursToMinutes(value);
  throw new SchemaError(
    `${where} is "${cellString(value)}", not a number of hours. Undo the edit (Edit > Undo or File > Version history); to correct a balance, add an Adjustment instead.`,
  );
}

function numberOrNaN(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? hoursToMinutes(value) : Number.NaN;
}

export class PrepaidLogRepository {
  readonly rows: LogRow[] = [];
  /** The sheet row of each of `rows`, for messages that point at a row. */
  private readonly sheetRows: number[] = [];
  /** Each row as read, by Log ID, so rewriting or archiving it keeps the user's own columns. */
  private readonly read = new Map<string, unknown[]>();

  private constructor(readonly table: SheetTable) {
    for (const index of table.nonBlankIndexes()) {
      const where = `Prepaid log row ${table.rowNumber(index)}`;
      const kind = cellString(table.get(index, 'Kind'));
      if (!(LOG_KINDS as readonly string[]).includes(kind)) {
        throw new SchemaError(`${where} has the Kind "${kind}", which is not one of ${LOG_KINDS.join(', ')}. Undo the edit to the log.`);
      }
      const raw = table.get(index, 'Raw hours');
      this.rows.push({
        logId: cellString(table.get(index, 'Log ID')),
        at: cellTime(table.get(index, 'Timestamp')) ?? 0,
        client: cellString(table.get(index, 'Client')),
        kind: kind as LogKind,
        minutes: minutesCell(table.get(index, 'Hours'), `The Hours of ${where}`),
        // Never summed, only checked: a row typed by hand without one is read (as NaN, which no
        // checksum vouches for) so the chain check can name it and Restore can remove it.
        balanceAfterMinutes: numberOrNaN(table.get(index, 'Balance after (h)')),
        entryId: cellString(table.get(index, 'Entry ID')),
        description: cellString(table.get(index, 'Description')),
        by: cellString(table.get(index, 'By')),
        reference: cellString(table.get(index, 'Reference')),
        rawMinutes: raw === '' ? null : minutesCell(raw, `The Raw hours of ${where}`),
        person: cellString(table.get(index, 'Person')),
        workDate: cellTime(table.get(index, 'Work date')),
        checksum: cellString(table.get(index, 'Checksum')),
      });
      this.sheetRows.push(table.rowNumber(index));
      const logId = this.rows[this.rows.length - 1].logId;
      if (!this.read.has(logId)) this.read.set(logId, table.rows[index]);
    }
  }

  static read(spreadsheet: Spreadsheet): PrepaidLogRepository {
    return new PrepaidLogRepository(SheetTable.read(spreadsheet, PREPAID_LOG));
  }

  /** The sheet row of `rows[i]`; for i = rows.length, the row after the last one. */
  sheetRow(i: number): number {
    return this.sheetRows[i] ?? (this.sheetRows.length ? this.sheetRows[this.sheetRows.length - 1] + 1 : 2);
  }

  /** Replaces the whole log in one block (archiving re-seals what stays); rows that stay keep the user's own columns. */
  rewrite(rows: readonly LogRow[]): void {
    this.table.rewrite(
      rows.map(toRecord),
      rows.map((r) => this.read.get(r.logId)),
    );
    this.rows.splice(0, this.rows.length, ...rows);
    this.sheetRows.splice(0, this.sheetRows.length, ...rows.map((_, i) => i + 2));
  }

  /** A row as header -> value, the user's own columns (as read) included, for copying it to another sheet. */
  recordWithOwnColumns(row: LogRow): Record<string, unknown> {
    const raw = this.read.get(row.logId) ?? [];
    const own = Object.fromEntries(this.table.headerRow.map((h, c) => [String(h), typeof raw[c] === 'string' ? asText(raw[c] as string) : (raw[c] ?? '')]));
    return { ...own, ...toRecord(row) };
  }

  /** Appends rows in one block; user text is written so it stays text. */
  append(rows: readonly LogRow[]): void {
    const next = this.sheetRow(this.rows.length);
    this.table.append(rows.map(toRecord));
    this.rows.push(...rows);
    this.sheetRows.push(...rows.map((_, i) => next + i));
  }
}

/** A log row as the sheet's cells, header -> value. */
export function toRecord(row: LogRow): Record<string, unknown> {
  return {
    'Log ID': asText(row.logId),
    Timestamp: new Date(row.at),
    Client: asText(row.client),
    Kind: row.kind,
    Hours: minutesToHours(row.minutes),
    'Balance after (h)': minutesToHours(row.balanceAfterMinutes),
    'Entry ID': asText(row.entryId),
    Description: asText(row.description),
    By: asText(row.by),
    Reference: asText(row.reference),
    'Raw hours': row.rawMinutes === null ? '' : minutesToHours(row.rawMinutes),
    Person: asText(row.person),
    'Work date': row.workDate === null ? '' : new Date(row.workDate),
    Checksum: asText(row.checksum),
  };
}
