/**
 * Copying rows into a yearly archive spreadsheet on the emulator: the archive's sheets
 * take the live header row (the user's own columns too), rows keep their own columns, a
 * run again after a stop copies nothing twice, and archived logs read back in order.
 */
import { readRows } from '../../emulator/sheet-rows';
import { archiveEntryRows, archiveLogRows, readArchivedLog } from '../../src/sheets/archive.repository';
import { PrepaidLogRepository } from '../../src/sheets/prepaid-log.repository';
import { TIME_ENTRIES } from '../../src/sheets/schema';
import { SheetTable } from '../../src/sheets/table';
import { logRows, row } from '../../harness/builders';
import { dataCallsOf, setUpApps } from '../../harness/emulated';
import { pasteEntries } from '../../harness/workbook';

const ROWS = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -60, { entryId: 'E-1', description: '=1+1' }), row('Top-up', 'Globex', 30));

/** A live workbook whose log holds ROWS and a "My note" column, and an empty archive spreadsheet. */
function liveAndArchive() {
  const apps = setUpApps();
  PrepaidLogRepository.read(apps.spreadsheet).append(ROWS);
  const log = apps.spreadsheet.getSheetByName('Prepaid log')!;
  log.getRange(1, log.getLastColumn() + 1, 4, 1).setValues([['My note'], ['n1'], ["'0042"], ['n3']]);
  return { ...apps, live: PrepaidLogRepository.read(apps.spreadsheet), archive: apps.sheetsApp.create('Prepaid archive 2025') };
}

describe('archiveLogRows', () => {
  it('creates the archive’s log with the live header row and copies rows with the user’s columns, as text', () => {
    const { archive, live } = liveAndArchive();
    archiveLogRows(archive, live, ROWS.slice(0, 2));
    const copied = readRows(archive, 'Prepaid log');
    expect(copied.map((r) => [r['Log ID'], r.Description, r['My note']])).toEqual([
      ['L-1', '', 'n1'],
      ['L-2', '=1+1', '0042'],
    ]);
    expect(archive.getSheetByName('Prepaid log')!.getFrozenRows()).toBe(1);
    expect(PrepaidLogRepository.read(archive).rows).toEqual(ROWS.slice(0, 2));
  });

  it('copies in one block, and a run again copies only the rows the archive lacks', () => {
    const { emu, archive, live } = liveAndArchive();
    archiveLogRows(archive, live, ROWS.slice(0, 2));
    const { calls } = dataCallsOf(emu, () => archiveLogRows(archive, live, ROWS));
    expect(calls).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1 });
    expect(readRows(archive, 'Prepaid log').map((r) => r['Log ID'])).toEqual(['L-1', 'L-2', 'L-3']);
    archiveLogRows(archive, live, ROWS);
    expect(readRows(archive, 'Prepaid log')).toHaveLength(3);
  });
});

describe('archiveEntryRows', () => {
  it('copies whole entry rows once, skipping Entry IDs the archive holds', () => {
    const { spreadsheet, archive } = liveAndArchive();
    pasteEntries(spreadsheet, [
      { 'Entry ID': 'E-1', Client: 'Acme', Hours: 1, Description: "'007" },
      { 'Entry ID': 'E-2', Client: 'Acme', Hours: 2 },
    ]);
    const entries = SheetTable.read(spreadsheet, TIME_ENTRIES);
    archiveEntryRows(archive, entries, [0]);
    archiveEntryRows(archive, entries, [0, 1]);
    const copied = readRows(archive, 'Time entries');
    expect(copied.map((r) => [r['Entry ID'], r.Description, r.Hours])).toEqual([
      ['E-1', '007', 1],
      ['E-2', 'Work', 2],
    ]);
    expect(Object.keys(copied[0])).toEqual(TIME_ENTRIES.columns.map((c) => c.header));
  });
});

describe('readArchivedLog', () => {
  it('reads the logs of the archives in their order, skipping one without a log', () => {
    const { sheetsApp, live, archive } = liveAndArchive();
    const older = sheetsApp.create('Prepaid archive 2024');
    archiveLogRows(older, live, ROWS.slice(2));
    archiveLogRows(archive, live, ROWS.slice(0, 2));
    expect(readArchivedLog([older, sheetsApp.create('Empty'), archive]).map((r) => r.logId)).toEqual(['L-3', 'L-1', 'L-2']);
  });
});
