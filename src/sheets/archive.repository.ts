/**
 * What goes into the yearly archive spreadsheets (drive/archive-files.ts finds or creates
 * them). Rows are copied in with their IDs and skipped when an earlier, stopped run
 * already copied them, so an archive run can always be run again.
 */
import type { LogRow } from '../core/types';
import { asText } from './cell-text';
import { PrepaidLogRepository } from './prepaid-log.repository';
import { PREPAID_LOG, TIME_ENTRIES, type SheetSchema } from './schema';
import { SheetTable } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The archive's copy of a live sheet, created with the live sheet's header row when missing. */
function archiveTable(archive: Spreadsheet, schema: SheetSchema, headerRow: unknown[]): SheetTable {
  const sheet = archive.getSheetByName(schema.name) ?? archive.insertSheet(schema.name);
  if (sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, 1, headerRow.length).setValues([headerRow.map((h) => asText(String(h)))]);
    sheet.setFrozenRows(1);
  }
  return SheetTable.read(archive, schema);
}

function existingIds(table: SheetTable, header: string): Set<string> {
  return new Set(table.nonBlankIndexes().map((i) => String(table.get(i, header)).trim()));
}

/** Copies log rows (the user's own columns too) into the archive, skipping Log IDs it already holds. */
export function archiveLogRows(archive: Spreadsheet, liveLog: PrepaidLogRepository, rows: readonly LogRow[]): void {
  const table = archiveTable(archive, PREPAID_LOG, liveLog.table.headerRow);
  const present = existingIds(table, 'Log ID');
  table.append(rows.filter((r) => !present.has(r.logId)).map((r) => liveLog.recordWithOwnColumns(r)));
}

/** Copies whole time-entry rows (the user's own columns too) into the archive, skipping Entry IDs it holds. */
export function archiveEntryRows(archive: Spreadsheet, liveEntries: SheetTable, indexes: readonly number[]): void {
  const table = archiveTable(archive, TIME_ENTRIES, liveEntries.headerRow);
  const present = existingIds(table, 'Entry ID');
  const records = indexes
    .filter((i) => !present.has(String(liveEntries.get(i, 'Entry ID')).trim()))
    .map((i) =>
      Object.fromEntries(
        liveEntries.headerRow.map((h, c) => [
          String(h),
          typeof liveEntries.rows[i][c] === 'string' ? asText(liveEntries.rows[i][c] as string) : liveEntries.rows[i][c],
        ]),
      ),
    );
  table.append(records);
}

/** Every archived log row of these archives, in their order, for reports that reach back. */
export function readArchivedLog(archives: readonly Spreadsheet[]): LogRow[] {
  return archives.flatMap((archive) => (archive.getSheetByName(PREPAID_LOG.name) ? PrepaidLogRepository.read(archive).rows : []));
}
