/**
 * The Prepaid log on the emulator: rows written in one block read back as the same rows
 * with one getValues, a log that cannot be added up (text in Hours, an unknown Kind) is
 * refused with a coded error naming the row, and a rewrite keeps the user's own columns.
 */
import { readRows } from '../../emulator/sheet-rows';
import { PrepaidLogRepository } from '../../src/sheets/prepaid-log.repository';
import { logRows, NOW, row } from '../../harness/builders';
import { dataCallsOf, setUpApps, thrownBy } from '../../harness/emulated';

const ROWS = logRows(
  row('Top-up', 'Acme', 600, { reference: 'INV-2026-0001', description: '=HYPERLINK("x")' }),
  row('Deduction', 'Acme', -45, { at: NOW + 1000, entryId: 'E-1', rawMinutes: 40, person: 'Ann', workDate: Date.UTC(2026, 2, 1), description: '007' }),
  row('Adjustment', 'Globex', -90, { at: NOW + 2000, description: 'Correction' }),
);

/** A set-up workbook whose log holds ROWS, written by the repository. */
function logged() {
  const apps = setUpApps();
  PrepaidLogRepository.read(apps.spreadsheet).append(ROWS);
  return { ...apps, log: apps.spreadsheet.getSheetByName('Prepaid log')! };
}

/** The sheet cell of a log row (2 = first row) under a header. */
function cell(log: GoogleAppsScript.Spreadsheet.Sheet, sheetRow: number, header: string) {
  return log.getRange(sheetRow, log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].indexOf(header) + 1);
}

describe('PrepaidLogRepository', () => {
  it('appends in one block, and reads the same rows back with one getValues', () => {
    const apps = setUpApps();
    const repo = PrepaidLogRepository.read(apps.spreadsheet);
    expect(dataCallsOf(apps.emu, () => repo.append(ROWS)).calls).toEqual({ 'Range.setValues': 1 });
    const { value: again, calls } = dataCallsOf(apps.emu, () => PrepaidLogRepository.read(apps.spreadsheet));
    expect(calls).toEqual({ 'Range.getValues': 1 });
    expect(again.rows).toEqual(ROWS);
    expect([again.sheetRow(0), again.sheetRow(2), again.sheetRow(3)]).toEqual([2, 4, 5]);
    expect(readRows(apps.spreadsheet, 'Prepaid log')[0].Hours).toBe(10);
  });

  it.each([
    ['text in Hours', 'Hours', 'lots', /The Hours of Prepaid log row 3 is "lots", not a number of hours\. Undo the edit/],
    ['text in Raw hours', 'Raw hours', 'some', /The Raw hours of Prepaid log row 3 is "some"/],
    ['an unknown Kind', 'Kind', 'Gift', /Prepaid log row 3 has the Kind "Gift", which is not one of Top-up, /],
  ])('refuses a log with %s, naming the row', (_label, header, value, message) => {
    const { spreadsheet, log } = logged();
    cell(log, 3, header).setValue(value);
    expect(thrownBy(() => PrepaidLogRepository.read(spreadsheet))).toEqual({ code: 'schema', message: expect.stringMatching(message) });
  });

  it('reads a Balance after that is not a number as NaN, for the chain check to name', () => {
    const { spreadsheet, log } = logged();
    cell(log, 4, 'Balance after (h)').setValue('n/a');
    expect(PrepaidLogRepository.read(spreadsheet).rows[2].balanceAfterMinutes).toBeNaN();
  });

  it('refuses a log whose Checksum column was deleted', () => {
    const { spreadsheet, log } = logged();
    log.deleteColumn(cell(log, 1, 'Checksum').getColumn());
    expect(thrownBy(() => PrepaidLogRepository.read(spreadsheet))).toEqual({ code: 'schema', message: expect.stringContaining('no "Checksum" column') });
  });

  it('rewrites the log in one block, keeping the user’s own columns of the rows that stay', () => {
    const { emu, spreadsheet, log } = logged();
    log.getRange(1, log.getLastColumn() + 1, 4, 1).setValues([['My note'], ['one'], ['two'], ['three']]);
    const repo = PrepaidLogRepository.read(spreadsheet);
    const { calls } = dataCallsOf(emu, () => repo.rewrite([ROWS[2], ROWS[1]]));
    expect(calls).toEqual({ 'Range.setValues': 1, 'Sheet.deleteRows': 1 });
    expect(readRows(spreadsheet, 'Prepaid log').map((r) => [r['Log ID'], r['My note']])).toEqual([
      ['L-3', 'three'],
      ['L-2', 'two'],
    ]);
    expect(PrepaidLogRepository.read(spreadsheet).rows).toEqual([ROWS[2], ROWS[1]]);
    expect(repo.recordWithOwnColumns(ROWS[1])).toMatchObject({ 'My note': 'two', 'Log ID': 'L-2', Description: "'007" });
  });
});
