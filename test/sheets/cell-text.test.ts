/**
 * Text that stays text: what asText writes through setValues reads back as the very same
 * string (never a formula, number, date or boolean), csvSafe guards a CSV cell, and
 * cellString / cellTime read cells the way the repositories need.
 */
import { asText, cellString, cellTime, csvSafe } from '../../src/sheets/cell-text';
import { emulatedApps } from '../../harness/emulated';

const PARSEABLE = ['=1+1', '+1', '-1', '@A1', "'quoted", '\t=1', '007', '1.5', '1:30', '2026-01-05', '12%', '€5', 'TRUE', 'false', '(3)', '1e3'];
const PLAIN = ['Acme', 'Design review', 'ann@agency.test', 'INV-2026-0001', '1 h 30'];

describe('asText', () => {
  it('writes every string so the cell holds exactly that string, and no formula', () => {
    const { spreadsheet } = emulatedApps();
    const sheet = spreadsheet.getSheets()[0];
    const texts = [...PARSEABLE, ...PLAIN, 'E-0001', '1e'];
    const range = sheet.getRange(1, 1, texts.length, 1);
    range.setValues(texts.map((t) => [asText(t)]));
    expect(range.getValues().map(([v]) => v)).toEqual(texts);
    expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('adds the apostrophe only where Sheets would parse the text', () => {
    expect(PLAIN.map(asText)).toEqual(PLAIN);
    expect(PARSEABLE.map(asText)).toEqual(PARSEABLE.map((t) => `'${t}`));
    expect(asText('')).toBe('');
  });
});

describe('csvSafe', () => {
  it('prefixes text a spreadsheet would run as a formula, and nothing else', () => {
    expect(['=SUM(A1)', '+1', '-1', '@x', '\tx', '\rx', "'x"].map(csvSafe)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", "'\rx", "''x"]);
    expect(['1.5', 'Acme', '2026-01-05'].map(csvSafe)).toEqual(['1.5', 'Acme', '2026-01-05']);
  });
});

describe('cellString and cellTime', () => {
  it('reads cells as trimmed text', () => {
    expect([cellString('  Acme '), cellString(1.5), cellString(true), cellString(null), cellString(undefined), cellString('#REF!')]).toEqual([
      'Acme',
      '1.5',
      'true',
      '',
      '',
      '#REF!',
    ]);
    expect(cellString(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05T00:00:00.000Z');
  });

  it('gives a Date cell to the second, and null for anything else', () => {
    expect(cellTime(new Date(Date.UTC(2026, 0, 5, 9, 0, 0, 499)))).toBe(Date.UTC(2026, 0, 5, 9));
    expect(cellTime(new Date(Date.UTC(2026, 0, 5, 9, 0, 0, 500)))).toBe(Date.UTC(2026, 0, 5, 9, 0, 1));
    expect([cellTime('2026-01-05'), cellTime(46027), cellTime('')]).toEqual([null, null, null]);
  });

  it('reads a date typed into a sheet back as its instant', () => {
    const { spreadsheet } = emulatedApps({ timeZone: 'Europe/Brussels' });
    const cell = spreadsheet.getSheets()[0].getRange('A1');
    cell.setValue('2026-01-05 10:00');
    expect(cellTime(cell.getValue())).toBe(Date.UTC(2026, 0, 5, 9));
  });
});
