/**
 * The `Time entries` sheet. Rows are identified by Entry ID, never by row number, so
 * sorting and filtering are safe. Reading gives every non-blank row without an Entry ID
 * a new one, written back in one block. Status, Authorized by and Authorized at are
 * derived from the log, so a run stopped between writing the log and the statuses is
 * repaired by the next one.
 */
import type { Ledger } from '../core/ledger';
import type { TimeEntry } from '../core/types';
import { asText, cellString, cellTime } from './cell-text';
import { TIME_ENTRIES } from './schema';
import { SheetTable, type CellUpdate } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const STATUS_OPEN = 'Open';
export const STATUS_AUTHORIZED = 'Authorized';

function saysAuthorized(entry: TimeEntry): boolean {
  return entry.status.toLowerCase() === STATUS_AUTHORIZED.toLowerCase();
}

export class TimeEntriesRepository {
  readonly entries: TimeEntry[] = [];
  private readonly indexByRow = new Map<number, number>();

  private constructor(readonly table: SheetTable) {
    for (const index of table.nonBlankIndexes()) {
      const row = table.rowNumber(index);
      this.indexByRow.set(row, index);
      this.entries.push({
        row,
        entryId: cellString(table.get(index, 'Entry ID')),
        date: cellTime(table.get(index, 'Date')),
        client: cellString(table.get(index, 'Client')),
        person: cellString(table.get(index, 'Person')),
        description: cellString(table.get(index, 'Description')),
        hours: table.get(index, 'Hours'),
        status: cellString(table.get(index, 'Status')),
        authorizedBy: cellString(table.get(index, 'Authorized by')),
        authorizedAt: cellTime(table.get(index, 'Authorized at')),
        selected: table.get(index, 'Select') === true,
      });
    }
  }

  /**
   * Reads the sheet once. With `newEntryId`, rows that lack an Entry ID get one, written
   * in one block; without it (read-only callers) they are left as they are.
   */
  static read(spreadsheet: Spreadsheet, newEntryId?: () => string): TimeEntriesRepository {
    const repo = new TimeEntriesRepository(SheetTable.read(spreadsheet, TIME_ENTRIES));
    if (newEntryId) repo.assignMissingIds(newEntryId);
    return repo;
  }

  private index(entry: TimeEntry): number {
    return this.indexByRow.get(entry.row) as number;
  }

  /**
   * A row that says Authorized but has no Entry ID lost its ID by hand: a new one would
   * make its deduction unknown, and the hours would be deducted again. It keeps no ID
   * (authorizing skips it) until its ID is restored; checkLedger names it.
   */
  private assignMissingIds(newEntryId: () => string): void {
    const updates: CellUpdate[] = [];
    for (const entry of this.entries) {
      if (entry.entryId || saysAuthorized(entry)) continue;
      entry.entryId = newEntryId();
      updates.push({ index: this.index(entry), header: 'Entry ID', value: asText(entry.entryId) });
    }
    this.table.write(updates);
  }

  /**
   * Makes Status, Authorized by and Authorized at agree with the log for every entry,
   * clears the Select boxes of `untick`, and writes `reasons` (sheet row → why it was
   * skipped, '' to clear) into the Reason column when the sheet has one — in as few block
   * writes as the layout allows.
   */
  syncWithLedger(ledger: Ledger, untick: ReadonlySet<string> = new Set(), reasons: ReadonlyMap<number, string> = new Map()): number {
    const updates: CellUpdate[] = [];
    for (const entry of this.entries) {
      if (!entry.entryId) continue;
      const index = this.index(entry);
      const deduction = ledger.deductionOf(entry.entryId);
      const status = deduction ? STATUS_AUTHORIZED : STATUS_OPEN;
      const by = deduction ? deduction.by : '';
      const at = deduction ? deduction.at : null;
      const statusNow = entry.status === '' ? STATUS_OPEN : entry.status;
      if (statusNow !== status || entry.authorizedBy !== by || entry.authorizedAt !== at) {
        entry.status = status;
        entry.authorizedBy = by;
        entry.authorizedAt = at;
        updates.push({ index, header: 'Status', value: status });
        if (this.table.has('Authorized by')) updates.push({ index, header: 'Authorized by', value: asText(by) });
        if (this.table.has('Authorized at')) updates.push({ index, header: 'Authorized at', value: at === null ? '' : new Date(at) });
      }
      const reason = reasons.get(entry.row);
      if (reason !== undefined && this.table.has('Reason') && cellString(this.table.get(index, 'Reason')) !== reason) {
        updates.push({ index, header: 'Reason', value: asText(reason) });
      }
      if (untick.has(entry.entryId) && entry.selected && this.table.has('Select')) {
        entry.selected = false;
        updates.push({ index, header: 'Select', value: false });
      }
    }
    this.table.write(updates);
    return updates.length;
  }

  /** Sheet data-row indexes of these entries (for copying or deleting whole rows). */
  indexesOf(entries: readonly TimeEntry[]): number[] {
    return entries.map((e) => this.index(e));
  }

  /** Deletes these entries' rows, one call per contiguous run. */
  delete(entries: readonly TimeEntry[]): void {
    const deleted = this.indexesOf(entries).sort((a, b) => a - b);
    this.table.deleteRows(deleted);
    const gone = new Set(entries.map((e) => e.row));
    const kept = this.entries.filter((e) => !gone.has(e.row));
    const oldIndexes = kept.map((e) => this.index(e));
    this.indexByRow.clear();
    kept.forEach((entry, k) => {
      const shifted = oldIndexes[k] - deleted.filter((d) => d < oldIndexes[k]).length;
      entry.row = this.table.rowNumber(shifted);
      this.indexByRow.set(entry.row, shifted);
    });
    this.entries.splice(0, this.entries.length, ...kept);
  }

  /** Appends new entries in one block. */
  append(entries: readonly Omit<TimeEntry, 'row'>[]): void {
    this.table.append(
      entries.map((e) => ({
        Select: false,
        'Entry ID': asText(e.entryId),
        Date: e.date === null ? '' : new Date(e.date),
        Client: asText(e.client),
        Person: asText(e.person),
        Description: asText(e.description),
        Hours: e.hours,
        Status: e.status || STATUS_OPEN,
      })),
    );
  }
}
