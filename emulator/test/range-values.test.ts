import { serialToDate } from '..';
import { setup } from './fixture';

describe('Range values, types and dimensions', () => {
  it('returns Number, Boolean, Date, String and "" for empty cells', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 5).setValues([[1, true, new Date('2026-01-05T12:00:00Z'), 'x', null]]);
    const [row] = sheet.getRange(1, 1, 1, 5).getValues();
    expect(typeof row[0]).toBe('number');
    expect(typeof row[1]).toBe('boolean');
    expect(Object.prototype.toString.call(row[2])).toBe('[object Date]');
    expect(row[2]).toBeInstanceOf(Date);
    expect(row[3]).toBe('x');
    expect(row[4]).toBe('');
  });

  it('starts sheets at 1000 x 26 and throws outside them', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('rejects data whose dimensions do not match the range', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('accepts A1 notation forms', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:C').getNumRows()).toBe(999);
    expect(sheet.getRange('B3').getRow()).toBe(3);
  });

  it('reads numbers as Dates in date/time/duration formats and as numbers in number formats', () => {
    const { sheet } = setup({ timeZone: 'Europe/Brussels' });
    const duration = sheet.getRange('A1');
    duration.setNumberFormat('[h]:mm');
    duration.setValue(2);
    expect(duration.getValue()).toEqual(serialToDate(2, 'Europe/Brussels'));
    expect(duration.getDisplayValue()).toBe('48:00');

    const hours = sheet.getRange('A2');
    hours.setNumberFormat('0.00');
    hours.setValue('1:30');
    expect(hours.getValue()).toBe(0.0625);
    expect(hours.getDisplayValue()).toBe('0.06');

    const date = sheet.getRange('A3');
    date.setNumberFormat('yyyy-mm-dd');
    date.setValue(46027);
    expect((date.getValue() as Date).toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(date.getDisplayValue()).toBe('2026-01-05');

    const money = sheet.getRange('A4');
    money.setNumberFormat('#,##0.00');
    money.setValue(1234.5);
    expect(money.getValue()).toBe(1234.5);
    expect(money.getDisplayValue()).toBe('1,234.50');
    expect(sheet.getRange('A1:A4').getNumberFormats()).toEqual([['[h]:mm'], ['0.00'], ['yyyy-mm-dd'], ['#,##0.00']]);
  });

  it('round-trips a Date written to a cell through the spreadsheet time zone', () => {
    const { sheet, emu } = setup({ timeZone: 'America/New_York' });
    const when = new Date('2026-06-15T18:45:30Z');
    sheet.getRange('A1').setValue(when);
    expect(sheet.getRange('A1').getValue()).toEqual(when);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('6/15/2026 14:45:30');
    emu.spreadsheet.setSpreadsheetTimeZone('Europe/Brussels');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-06-15T12:45:30.000Z');
  });

  it('tracks the last row/column with content and the data range', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('appends rows after the last row and grows the sheet', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['grown']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('grown');
  });

  it('shifts data, formats and validations when rows and columns are inserted or deleted', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange('A1:A3').setValues([['h'], [1], [2]]);
    sheet.getRange('A3').setNumberFormat('0.00');
    sheet.getRange('B3').insertCheckboxes();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['h'], [''], [''], [1], [2]]);
    expect(sheet.getRange('A5').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['h'], [1], [2]]);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('B1').getValue()).toBe('h');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('h');
    sheet.deleteRow(1);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [1, ''],
      [2, false],
    ]);
    expect(() => sheet.deleteRows(1, 1000)).toThrow();
  });

  it('renders display values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[0.5, true, 'x', 1 / 3]]);
    sheet.getRange('E1').setNumberFormat('0%');
    sheet.getRange('E1').setValue(0.256);
    sheet.getRange('F1').setNumberFormat('dd/mm/yyyy hh:mm');
    sheet.getRange('F1').setValue('2026-01-05 13:07');
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([['0.5', 'TRUE', 'x', '0.3333333333', '26%', '05/01/2026 13:07']]);
  });

  it('offsets, picks cells and sorts', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    const range = sheet.getRange('A1:B3');
    expect(range.offset(1, 1, 1, 1).getValue()).toBe(1);
    expect(range.getCell(3, 1).getValue()).toBe('b');
    range.sort({ column: 2, ascending: false });
    expect(range.getValues()).toEqual([
      ['c', 3],
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('sets one value on every cell with setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(5);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });
});
