/**
 * Set up sheets on the emulator: it creates the add-on's sheets with the schema's headers,
 * formats and rules, completes a sheet that lacks columns without touching its data, and
 * a second run writes nothing (so a ticked box stays ticked).
 */
import { readRows } from '../../emulator/sheet-rows';
import { ALL_SHEETS, CREDITS, TIME_ENTRIES } from '../../src/sheets/schema';
import { setUpWorkbook } from '../../src/sheets/setup';
import { emulatedApps } from '../../harness/emulated';
import { pasteEntries } from '../../harness/workbook';

function headers(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
}

describe('setUpWorkbook', () => {
  it('creates every sheet with its headers (optional columns left out), frozen, and the seal hidden', () => {
    const { spreadsheet, sheetsApp } = emulatedApps();
    const report = setUpWorkbook(spreadsheet, sheetsApp);
    expect(report).toEqual({ createdSheets: ALL_SHEETS.map((s) => s.name), addedColumns: [] });
    for (const schema of ALL_SHEETS) {
      const sheet = spreadsheet.getSheetByName(schema.name)!;
      expect([schema.name, headers(sheet), sheet.getFrozenRows()]).toEqual([schema.name, schema.columns.filter((c) => !c.optional).map((c) => c.header), 1]);
    }
    expect(spreadsheet.getSheetByName('Prepaid seal')!.isSheetHidden()).toBe(true);
    expect(spreadsheet.getSheetByName('Credits')!.getRange('A1').getValue()).toBe('Client');
  });

  it('sets the schema’s number formats and the entry rules', () => {
    const { spreadsheet, sheetsApp } = emulatedApps();
    setUpWorkbook(spreadsheet, sheetsApp);
    const entries = spreadsheet.getSheetByName(TIME_ENTRIES.name)!;
    const column = (header: string) => headers(entries).indexOf(header) + 1;
    expect(entries.getRange(2, column('Date')).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(entries.getRange(500, column('Authorized at')).getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
    const rule = (header: string) => entries.getRange(2, column(header)).getDataValidation()?.getCriteriaType();
    expect([rule('Select'), rule('Client'), rule('Hours')]).toEqual([
      sheetsApp.DataValidationCriteria.CHECKBOX,
      sheetsApp.DataValidationCriteria.VALUE_IN_RANGE,
      sheetsApp.DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO,
    ]);
    const credits = spreadsheet.getSheetByName(CREDITS.name)!;
    expect(credits.getRange(2, headers(credits).indexOf('Balance (h)') + 1).getNumberFormat()).toBe('0.00');
  });

  it('adds missing columns after the user’s own, reports them, and keeps the data', () => {
    const { emu, spreadsheet, sheetsApp } = emulatedApps();
    const entries = spreadsheet.insertSheet('Time entries');
    entries.getRange(1, 1, 2, 4).setValues([
      ['Client', 'Hours', 'My note', 'Entry ID'],
      ['Acme', 1.5, 'keep me', 'E-1'],
    ]);
    const report = setUpWorkbook(spreadsheet, sheetsApp);
    expect(report.createdSheets).not.toContain('Time entries');
    expect(report.addedColumns).toEqual(
      ['Select', 'Date', 'Person', 'Description', 'Status', 'Authorized by', 'Authorized at', 'Reason'].map((h) => `Time entries: ${h}`),
    );
    expect(headers(entries).slice(0, 5)).toEqual(['Client', 'Hours', 'My note', 'Entry ID', 'Select']);
    expect(readRows(emu.spreadsheet, 'Time entries')).toEqual([
      expect.objectContaining({ Client: 'Acme', Hours: 1.5, 'My note': 'keep me', 'Entry ID': 'E-1' }),
    ]);
  });

  it('a second run writes nothing, so ticked boxes stay ticked', () => {
    const { emu, spreadsheet, sheetsApp } = emulatedApps();
    setUpWorkbook(spreadsheet, sheetsApp);
    pasteEntries(spreadsheet, [{ Client: 'Acme', Hours: 1, Select: true }]);
    emu.faults.resetCount();
    expect(setUpWorkbook(spreadsheet, sheetsApp)).toEqual({ createdSheets: [], addedColumns: [] });
    expect(emu.faults.writes).toBe(0);
    expect(readRows(spreadsheet, 'Time entries')[0].Select).toBe(true);
  });
});
