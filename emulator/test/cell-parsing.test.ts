import { serialToDate } from '..';
import { setup, typed } from './fixture';

describe('strings written with setValue are parsed as if typed (en_US)', () => {
  const { sheet } = setup({ timeZone: 'Europe/Brussels' });

  it('keeps apostrophe-escaped text without the apostrophe', () => {
    expect(typed(sheet, "'007")).toBe('007');
    expect(typed(sheet, "'=1+1")).toBe('=1+1');
  });

  it('stores formulas without evaluating them', () => {
    const cell = sheet.getRange('B2');
    cell.setValue('=SUM(A1:A3)');
    expect(cell.getValue()).toBe('');
    expect(cell.getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['', '=SUM(A1:A3)']]);
  });

  it.each([
    ['007', 7],
    ['1.5', 1.5],
    ['-3', -3],
    ['1,234.5', 1234.5],
    [' 42 ', 42],
    ['1e3', 1000],
  ])('reads numeric text %p as the number %p', (input, expected) => {
    expect(typed(sheet, input)).toBe(expected);
  });

  it.each([
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('reads %p as a boolean', (input, expected) => {
    expect(typed(sheet, input)).toBe(expected);
  });

  it('reads percentages as fractions with a percent format', () => {
    expect(typed(sheet, '10%')).toBeCloseTo(0.1, 12);
    expect(sheet.getRange('Z1000').getNumberFormat()).toBe('0%');
  });

  it('reads ISO and US dates as midnight in the spreadsheet time zone', () => {
    const iso = typed(sheet, '2026-01-05') as Date;
    expect(Object.prototype.toString.call(iso)).toBe('[object Date]');
    expect(iso.toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect((typed(sheet, '1/5/2026') as Date).toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect((typed(sheet, '2026-07-01') as Date).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('reads h:mm and h:mm:ss as time values counted from 1899-12-30', () => {
    const time = typed(sheet, '1:30') as Date;
    expect(time.getTime()).toBe(serialToDate(1.5 / 24, 'Europe/Brussels').getTime());
    expect(typed(sheet, '0:00:30')).toEqual(serialToDate(30 / 86400, 'Europe/Brussels'));
    expect(typed(sheet, '36:00')).toEqual(serialToDate(1.5, 'Europe/Brussels'));
  });

  it('keeps invalid dates and other text as text', () => {
    expect(typed(sheet, '2026-02-30')).toBe('2026-02-30');
    expect(typed(sheet, '1,2')).toBe('1,2');
    expect(typed(sheet, 'INV-0001')).toBe('INV-0001');
    expect(typed(sheet, '1:75')).toBe('1:75');
  });

  it('keeps strings as text in plain-text (@) cells', () => {
    const cell = sheet.getRange('C3');
    cell.setNumberFormat('@');
    cell.setValue('007');
    expect(cell.getValue()).toBe('007');
    cell.setValue('2026-01-05');
    expect(cell.getValue()).toBe('2026-01-05');
  });

  it('stores empty strings as empty cells', () => {
    expect(typed(sheet, '')).toBe('');
    expect(sheet.getRange('Z1000').isBlank()).toBe(true);
  });

  it('stores non-string values as they are', () => {
    expect(typed(sheet, 7)).toBe(7);
    expect(typed(sheet, false)).toBe(false);
    const when = new Date('2026-03-01T10:15:00Z');
    expect(typed(sheet, when)).toEqual(when);
    expect(sheet.getRange('Z1000').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
  });
});
