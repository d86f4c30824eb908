/** The .xlsx export shows what the emulated spreadsheet shows: dates on the workbook's wall clock, readable columns, a useful first sheet. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../emulator';
import { saveAsXlsx } from '../../harness/xlsx-export';
import { dateCells, readXlsx } from './xlsx-read';

describe('saving an emulated spreadsheet as .xlsx', () => {
  const out = mkdtempSync(join(tmpdir(), 'prepaid-time-xlsx-'));
  const emu = createEmulator({ timeZone: 'Europe/Brussels', now: Date.UTC(2026, 9, 30, 18) });
  const ss = emu.spreadsheet;
  const entries = ss.insertSheet('Time entries');
  const description = 'Landing page build for the autumn campaign, round two';
  entries.getRange(1, 1, 3, 5).setValues([
    ['Date', 'Person', 'Description', 'Hours', 'Authorized at'],
    ['2026-09-07', 'finance.department@acme.example', description, '1:30', new Date(Date.UTC(2026, 8, 11, 14, 0))],
    ['2026-10-26', 'ann@agency.test', 'Late in the evening', 2, new Date(Date.UTC(2026, 9, 26, 22, 30))],
  ]);
  entries.setFrozenRows(1);
  ss.insertSheet('Notes').getRange('A1').setValue('Where the script wrote last');
  const path = join(out, 'book.xlsx');

  beforeAll(() => saveAsXlsx(ss, path));

  it('writes each date as the wall-clock date and time in the workbook’s time zone', async () => {
    const { tabs } = await readXlsx(path);
    const tab = tabs.find((t) => t.name === 'Time entries')!.tab;
    const cells = dateCells(entries, tab);
    expect(cells.length).toBeGreaterThanOrEqual(4);
    for (const cell of cells) expect(cell).toEqual({ ...cell, xlsx: cell.shown });
    // The Monday stays a Monday, and 22:30 UTC on 26 October is 23:30 in Brussels (after DST ends).
    expect((tab.getCell('A2').value as Date).toISOString()).toBe('2026-09-07T00:00:00.000Z');
    expect((tab.getCell('E3').value as Date).toISOString()).toBe('2026-10-26T23:30:00.000Z');
    expect((tab.getCell('E2').value as Date).toISOString()).toBe('2026-09-11T16:00:00.000Z');
  });

  it('opens on the first sheet with something in it, leaves out empty sheets, and makes columns as wide as what they show', async () => {
    const { tabs, activeTab } = await readXlsx(path);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Time entries', 'Notes']);
    expect(ss.getActiveSheet().getName()).toBe('Notes');
    expect(tabs.map((t) => t.name)).toEqual(['Time entries', 'Notes']);
    expect(tabs[activeTab].name).toBe('Time entries');
    const [date, person, text, hours] = tabs[0].widths;
    expect(date).toBeGreaterThanOrEqual('2026-09-07'.length);
    expect(person).toBeGreaterThanOrEqual('finance.department@acme.example'.length);
    expect(text).toBeGreaterThanOrEqual(description.length);
    expect(hours).toBeLessThan(12);
  });
});
