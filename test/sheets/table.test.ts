/**
 * SheetTable on the emulator: one getValues to read, columns found by header in any order
 * and case, a coded SchemaError naming what is missing, and writes in blocks (one
 * setValues per contiguous run of columns, one deleteRows per run of rows).
 */
import type { SheetSchema } from '../../src/sheets/schema';
import { SheetTable } from '../../src/sheets/table';
import { dataCallsOf, emulatedApps, thrownBy } from '../../harness/emulated';

const THINGS: SheetSchema = {
  name: 'Things',
  columns: [{ header: 'ID', required: true }, { header: 'Hours', required: true }, { header: 'Note' }, { header: 'Extra', optional: true }],
};

/** A Things sheet holding these rows under these headers (row 1), on a fresh emulator. */
function things(headers: string[], rows: unknown[][] = []) {
  const apps = emulatedApps();
  const sheet = apps.spreadsheet.insertSheet('Things');
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  if (rows.length) sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
  return { ...apps, sheet, values: () => sheet.getDataRange().getValues() };
}

describe('SheetTable.read', () => {
  it('reads the sheet with one getValues and finds columns by header, in any order, case or spacing', () => {
    const { emu, spreadsheet } = things(
      ['mine', ' hours ', 'NOTE', 'id'],
      [
        ['x', 1.5, 'a', 'T-1'],
        ['', '', '', ''],
        ['y', 2, 'b', 'T-2'],
      ],
    );
    const { value: table, calls } = dataCallsOf(emu, () => SheetTable.read(spreadsheet, THINGS));
    expect(calls).toEqual({ 'Range.getValues': 1 });
    expect(table.nonBlankIndexes()).toEqual([0, 2]);
    expect([table.get(2, 'ID'), table.get(2, 'Hours'), table.get(2, 'note'), table.rowNumber(2)]).toEqual(['T-2', 2, 'b', 4]);
    expect([table.has('Extra'), table.get(0, 'Extra')]).toEqual([false, '']);
  });

  it('refuses a missing sheet or a deleted required column with a coded error saying how to fix it', () => {
    expect(thrownBy(() => SheetTable.read(emulatedApps().spreadsheet, THINGS))).toEqual({
      code: 'schema',
      message: expect.stringMatching(/no "Things" sheet\. Run Extensions > Prepaid Time > Set up sheets/),
    });
    const { spreadsheet } = things(['ID', 'Note']);
    expect(thrownBy(() => SheetTable.read(spreadsheet, THINGS))).toEqual({
      code: 'schema',
      message: expect.stringMatching(/no "Hours" column\. Restore the header/),
    });
  });

  it('refuses two columns of one schema header, but not two of the user’s own', () => {
    const twice = things(['ID', 'Hours', 'hours ']);
    expect(thrownBy(() => SheetTable.read(twice.spreadsheet, THINGS))).toEqual({ code: 'schema', message: expect.stringMatching(/two "hours" columns/) });
    const own = things(['ID', 'Hours', 'Mine', 'mine']);
    expect(SheetTable.read(own.spreadsheet, THINGS).has('Mine')).toBe(true);
  });
});

describe('SheetTable writes', () => {
  it('writes one setValues per contiguous run of columns, keeping the cells between as read', () => {
    const { emu, spreadsheet, values } = things(
      ['ID', 'Hours', 'Mine', 'Note'],
      [
        ['T-1', 1, 'm1', 'a'],
        ['T-2', 2, 'm2', 'b'],
        ['T-3', 3, 'm3', 'c'],
      ],
    );
    const table = SheetTable.read(spreadsheet, THINGS);
    const { calls } = dataCallsOf(emu, () =>
      table.write([
        { index: 0, header: 'ID', value: 'T-1*' },
        { index: 2, header: 'Hours', value: 9 },
        { index: 2, header: 'Note', value: 'z' },
      ]),
    );
    expect(calls).toEqual({ 'Range.setValues': 2 });
    expect(values().slice(1)).toEqual([
      ['T-1*', 1, 'm1', 'a'],
      ['T-2', 2, 'm2', 'b'],
      ['T-3', 9, 'm3', 'z'],
    ]);
    expect(dataCallsOf(emu, () => table.write([])).calls).toEqual({});
  });

  it('refuses to write a column the sheet does not have', () => {
    const { spreadsheet } = things(['ID', 'Hours'], [['T-1', 1]]);
    expect(thrownBy(() => SheetTable.read(spreadsheet, THINGS).write([{ index: 0, header: 'Note', value: 'x' }])).code).toBe('schema');
  });

  it('appends in one block after growing the sheet, leaving the user’s columns empty and keeping text as text', () => {
    const { emu, spreadsheet, sheet, values } = things(['ID', 'Hours', 'Mine'], [['T-1', 1, 'm1']]);
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    const table = SheetTable.read(spreadsheet, THINGS);
    const { calls } = dataCallsOf(emu, () =>
      table.append([
        { ID: "'007", Hours: 2 },
        { id: 'T-3', hours: 3, Unknown: 'x' },
      ]),
    );
    expect(calls).toEqual({ 'Sheet.insertRowsAfter': 1, 'Range.setValues': 1 });
    expect(values().slice(1)).toEqual([
      ['T-1', 1, 'm1'],
      ['007', 2, ''],
      ['T-3', 3, ''],
    ]);
    expect(table.rows).toHaveLength(3);
  });

  it('rewrites all rows in one block, blanking and deleting what the new content no longer reaches', () => {
    const { emu, spreadsheet, values } = things(
      ['ID', 'Hours', 'Mine'],
      [
        ['T-1', 1, 'm1'],
        ['T-2', 2, 'm2'],
        ['T-3', 3, 'm3'],
      ],
    );
    const table = SheetTable.read(spreadsheet, THINGS);
    const { calls } = dataCallsOf(emu, () =>
      table.rewrite(
        [
          { ID: 'T-3', Hours: 4 },
          { ID: 'T-9', Hours: 5 },
        ],
        [table.rows[2]],
      ),
    );
    expect(calls).toEqual({ 'Range.setValues': 1, 'Sheet.deleteRows': 1 });
    expect(values()).toEqual([
      ['ID', 'Hours', 'Mine'],
      ['T-3', 4, 'm3'],
      ['T-9', 5, ''],
    ]);
    expect(table.rows).toEqual([
      ['T-3', 4, 'm3'],
      ['T-9', 5, ''],
    ]);
  });

  it('deletes rows with one call per contiguous run, from the bottom up', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => [id, i]);
    const { emu, spreadsheet, values } = things(['ID', 'Hours'], rows);
    const table = SheetTable.read(spreadsheet, THINGS);
    const { calls } = dataCallsOf(emu, () => table.deleteRows([1, 2, 4, 2]));
    expect(calls).toEqual({ 'Sheet.deleteRows': 2 });
    expect(values().slice(1)).toEqual([
      ['a', 0],
      ['d', 3],
      ['f', 5],
    ]);
    expect(table.rows).toEqual([
      ['a', 0],
      ['d', 3],
      ['f', 5],
    ]);
  });
});
