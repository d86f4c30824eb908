/**
 * The hidden sealed copy of the log on the emulator: it round-trips log rows exactly, an
 * operation reads only its last cell, syncing appends just the rows after the mark in one
 * block (or rewrites the copy whole when the mark is not in the log), and a missing sheet
 * is left to Set up sheets.
 */
import { lastSealed, readSealedCopy, syncSealedCopy } from '../../src/sheets/prepaid-seal.repository';
import { logRows, row } from '../../harness/builders';
import { dataCallsOf, emulatedApps, setUpApps } from '../../harness/emulated';

const ROWS = logRows(
  row('Top-up', 'Acme', 600),
  row('Deduction', 'Acme', -45, { entryId: 'E-1', rawMinutes: 40, person: 'Ann', workDate: Date.UTC(2026, 2, 1), description: '=1+1' }),
  row('Top-up', 'Globex', 120),
);
const markOf = (r: (typeof ROWS)[number]) => ({ logId: r.logId, checksum: r.checksum, at: r.at });

function sealRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] {
  return spreadsheet.getSheetByName('Prepaid seal')!.getDataRange().getValues().slice(1);
}

describe('the sealed copy', () => {
  it('is empty at first, and gives back the rows it sealed, exactly', () => {
    const { spreadsheet } = setUpApps();
    expect([lastSealed(spreadsheet), readSealedCopy(spreadsheet)]).toEqual([null, []]);
    expect(syncSealedCopy(spreadsheet, ROWS, null)).toEqual(markOf(ROWS[2]));
    expect(readSealedCopy(spreadsheet)).toEqual(ROWS);
    expect(sealRows(spreadsheet).map(([id]) => id)).toEqual(['L-1', 'L-2', 'L-3']);
  });

  it('reads one cell to find its last row', () => {
    const { emu, spreadsheet } = setUpApps();
    syncSealedCopy(spreadsheet, ROWS, null);
    const { value, calls } = dataCallsOf(emu, () => lastSealed(spreadsheet));
    expect(value).toEqual(markOf(ROWS[2]));
    expect(calls).toEqual({ 'Range.getValue': 1 });
  });

  it('appends only the rows after the mark, in one block', () => {
    const { emu, spreadsheet } = setUpApps();
    const mark = syncSealedCopy(spreadsheet, ROWS.slice(0, 1), null);
    const { value, calls } = dataCallsOf(emu, () => syncSealedCopy(spreadsheet, ROWS, mark));
    expect(calls).toEqual({ 'Range.setValues': 1 });
    expect(value).toEqual(markOf(ROWS[2]));
    expect(readSealedCopy(spreadsheet)).toEqual(ROWS);
    expect(dataCallsOf(emu, () => syncSealedCopy(spreadsheet, ROWS, value)).calls).toEqual({});
  });

  it('rewrites the copy whole, blanking rows past the log, when the mark is not in the log', () => {
    const { spreadsheet } = setUpApps();
    const mark = syncSealedCopy(spreadsheet, ROWS, null);
    const archived = logRows(row('Opening balance', 'Acme', 555));
    expect(syncSealedCopy(spreadsheet, archived, mark)).toEqual(markOf(archived[0]));
    expect(readSealedCopy(spreadsheet)).toEqual(archived);
    expect(spreadsheet.getSheetByName('Prepaid seal')!.getRange('A3:B4').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('stops at the first row it cannot read', () => {
    const { spreadsheet } = setUpApps();
    syncSealedCopy(spreadsheet, ROWS, null);
    spreadsheet.getSheetByName('Prepaid seal')!.getRange('B3').setValue('{"edited": true}');
    expect(readSealedCopy(spreadsheet)).toEqual(ROWS.slice(0, 1));
  });

  it('does nothing without its sheet', () => {
    const { emu, spreadsheet } = emulatedApps();
    const mark = markOf(ROWS[0]);
    expect(dataCallsOf(emu, () => syncSealedCopy(spreadsheet, ROWS, mark))).toEqual({ value: mark, calls: {} });
    expect([lastSealed(spreadsheet), readSealedCopy(spreadsheet)]).toEqual([null, []]);
  });
});
