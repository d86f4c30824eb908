/**
 * Authorization through the built bundle on the emulator: every skip reason, rounding,
 * exact hours from each input format, reversal and re-authorization.
 */
import { addClients, addColumn, addEntries, addonWithSheets, balances, EDITOR, rows, standardWorkbook } from '../../harness/workbook';

type Skip = { entryId: string; code: string; message: string };

function skipCodes(result: { skipped: Skip[] }): Record<string, string> {
  return Object.fromEntries(result.skipped.map((s) => [s.entryId, s.code]));
}

describe('authorizeEntries', () => {
  it('deducts valid entries, writes the log and statuses, and updates balances', () => {
    const addon = standardWorkbook();
    const result = addon.server.authorizeEntries(['E-1', 'E-3']);
    expect(result.done.map((d) => [d.entryId, d.minutes])).toEqual([
      ['E-1', 90],
      ['E-3', 45],
    ]);
    expect(balances(addon)).toEqual({ Acme: 8.5, 'Acme Labs': 3.25 });
    const log = rows(addon, 'Prepaid log').filter((r) => r.Kind === 'Deduction');
    expect(log.map((r) => [r['Entry ID'], r.Hours, r['Balance after (h)'], r.By])).toEqual([
      ['E-1', -1.5, 8.5, 'owner@agency.test'],
      ['E-3', -0.75, 3.25, 'owner@agency.test'],
    ]);
    const entries = rows(addon, 'Time entries');
    expect(entries.map((e) => e.Status)).toEqual(['Authorized', '', 'Authorized']);
    expect(entries[0]['Authorized by']).toBe('owner@agency.test');
    expect(Object.prototype.toString.call(entries[0]['Authorized at'])).toBe('[object Date]');
  });

  it('skips each bad entry with its reason and lets the valid ones through', () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    addon.server.addCredits('Acme', 10, 'Block');
    addEntries(addon, [
      { 'Entry ID': 'E-OK', Client: 'Acme', Hours: 1 },
      { 'Entry ID': 'E-TEXT', Client: 'Acme', Hours: 'a lot' },
      { 'Entry ID': 'E-NEG', Client: 'Acme', Hours: -2 },
      { 'Entry ID': 'E-EMPTY', Client: 'Acme', Hours: '' },
      { 'Entry ID': 'E-BOOL', Client: 'Acme', Hours: true },
      { 'Entry ID': 'E-WHO', Client: 'Globex', Hours: 1 },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 1 },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 2 },
    ]);
    const result = addon.server.authorizeEntries(['E-OK', 'E-TEXT', 'E-NEG', 'E-EMPTY', 'E-BOOL', 'E-WHO', 'E-DUP', 'E-NONE', '']);
    expect(result.done.map((d) => d.entryId)).toEqual(['E-OK']);
    expect(skipCodes(result)).toEqual({
      'E-TEXT': 'bad-hours',
      'E-NEG': 'bad-hours',
      'E-EMPTY': 'bad-hours',
      'E-BOOL': 'bad-hours',
      'E-WHO': 'unknown-client',
      'E-DUP': 'duplicate-entry-id',
      'E-NONE': 'not-found',
      '': 'no-entry-id',
    });
    for (const s of result.skipped) expect(s.message.length).toBeGreaterThan(10);
    expect(result.skipped.find((s) => s.entryId === 'E-WHO')?.message).toMatch(/Globex.*not in Credits/);
    const again = addon.server.authorizeEntries(['E-OK']);
    expect(skipCodes(again)).toEqual({ 'E-OK': 'already-authorized' });
    expect(balances(addon)).toEqual({ Acme: 9 });
  });

  it('reads 1:30, 1h30, 90m, 1.5 and duration cells as exact minutes', () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    addEntries(addon, [
      { 'Entry ID': 'E-A', Client: 'Acme', Hours: '1:30' },
      { 'Entry ID': 'E-B', Client: 'Acme', Hours: "'1h30" },
      { 'Entry ID': 'E-C', Client: 'Acme', Hours: "'90m" },
      { 'Entry ID': 'E-D', Client: 'Acme', Hours: 1.5 },
      { 'Entry ID': 'E-E', Client: 'Acme', Hours: '0:10' },
    ]);
    const result = addon.server.authorizeEntries(['E-A', 'E-B', 'E-C', 'E-D', 'E-E']);
    expect(result.done.map((d) => d.minutes)).toEqual([90, 90, 90, 90, 10]);
    expect(result.balances[0].afterMinutes).toBe(-370);
    expect(result.balances[0].negative).toBe(true);
  });

  it('rounds once, with the client rule overriding the workbook rule, and keeps raw minutes', () => {
    const addon = addonWithSheets();
    addon.server.saveSettings({ roundingMinutes: 6 });
    addColumn(addon, 'Credits', 'Rounding (min)');
    addClients(addon, [{ Client: 'Acme' }, { Client: 'Beta', 'Rounding (min)': 15 }]);
    addEntries(addon, [
      { 'Entry ID': 'E-1', Client: 'Acme', Hours: '0:10' },
      { 'Entry ID': 'E-2', Client: 'Beta', Hours: '0:10' },
      { 'Entry ID': 'E-3', Client: 'Beta', Hours: '0:30' },
    ]);
    const result = addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
    expect(result.done.map((d) => [d.rawMinutes, d.minutes])).toEqual([
      [10, 12],
      [10, 15],
      [30, 30],
    ]);
    const log = rows(addon, 'Prepaid log');
    expect(log.map((r) => [r['Raw hours'], r.Hours])).toEqual([
      [10 / 60, -0.2],
      [10 / 60, -0.25],
      [0.5, -0.5],
    ]);
  });

  it('refuses a user who is not an authorizer, and one without an email, writing no log row', () => {
    const addon = standardWorkbook();
    const before = rows(addon, 'Prepaid log').length;
    const refused = addon.as(EDITOR).authorizeEntries(['E-1']);
    expect(refused.done).toEqual([]);
    expect(skipCodes(refused)).toEqual({ 'E-1': 'not-allowed' });
    expect(refused.summary).toMatch(/Only authorizers/);
    const anonymous = addon.as('').authorizeEntries(['E-1']);
    expect(anonymous.skipped[0].message).toMatch(/did not tell the add-on who you are/);
    expect(() => addon.as(EDITOR).addCredits('Acme', 5, 'x')).toThrow(/Only authorizers/);
    expect(() => addon.as(EDITOR).reverseEntries(['E-1'], 'x')).toThrow(/Only authorizers/);
    expect(() => addon.as(EDITOR).saveSettings({ roundingMinutes: 15 })).toThrow(/Only authorizers/);
    expect(rows(addon, 'Prepaid log').length).toBe(before);
  });
});

describe('authorizeTicked and authorizeSelection', () => {
  it('authorizes ticked rows and clears their boxes, leaving skipped ones ticked', () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    addEntries(addon, [
      { Client: 'Acme', Hours: 1, Select: true },
      { Client: 'Acme', Hours: 'oops', Select: true },
      { Client: 'Acme', Hours: 2, Select: false },
    ]);
    const result = addon.server.authorizeTicked();
    expect(result.done).toHaveLength(1);
    expect(result.skipped.map((s) => s.code)).toEqual(['bad-hours']);
    const entries = rows(addon, 'Time entries');
    expect(entries.map((e) => e.Select)).toEqual([false, true, false]);
    expect(entries.every((e) => /^E-[0-9A-F]{14}$/.test(String(e['Entry ID'])))).toBe(true);
  });

  it('authorizes the rows selected in the sheet, and explains when nothing is selected there', () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    addEntries(addon, [
      { Client: 'Acme', Hours: 1 },
      { Client: 'Acme', Hours: 2 },
      { Client: 'Acme', Hours: 3 },
    ]);
    addon.emu.setSelection('Time entries', ['A2:C2', 'B4']);
    const result = addon.server.authorizeSelection();
    expect(result.done.map((d) => d.minutes)).toEqual([60, 180]);
    addon.emu.setSelection('Credits', 'A2');
    expect(() => addon.server.authorizeSelection()).toThrow(/Select one or more rows in the "Time entries" sheet/);
  });
});

describe('reverseEntries', () => {
  it('writes a Reversal, reopens the entry, and lets it be authorized again with new hours', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-2']);
    expect(() => addon.server.reverseEntries(['E-2'], '  ')).toThrow(/reason/);
    const reversal = addon.server.reverseEntries(['E-2', 'E-1'], 'Wrong client');
    expect(reversal.done.map((d) => [d.entryId, d.minutes])).toEqual([['E-2', 120]]);
    expect(reversal.skipped.map((s) => [s.entryId, s.code])).toEqual([['E-1', 'not-authorized']]);
    expect(balances(addon).Acme).toBe(10);
    const sheet = addon.emu.spreadsheet.getSheetByName('Time entries')!;
    expect(rows(addon, 'Time entries')[1].Status).toBe('Open');
    sheet.getRange('G3').setValue(3);
    addon.server.authorizeEntries(['E-2']);
    expect(balances(addon).Acme).toBe(7);
    const kinds = rows(addon, 'Prepaid log')
      .filter((r) => r['Entry ID'] === 'E-2')
      .map((r) => [r.Kind, r.Hours]);
    expect(kinds).toEqual([
      ['Deduction', -2],
      ['Reversal', 2],
      ['Deduction', -3],
    ]);
    expect(addon.server.checkLedger().ok).toBe(true);
  });
});
