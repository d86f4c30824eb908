/**
 * archiveBefore: balances unchanged, checkLedger still passes, a stopped run repeated
 * loses and doubles nothing, and entries split across the cut-off stay together.
 * previewArchive shows the same plan and writes nothing.
 */
import { logTab } from '../../harness/client-log';
import { addClients, addEntries, addonWithSheets, balances, EDITOR, expectEveryStoppedRunToRecover, rows } from '../../harness/workbook';

function workbookAcrossYears() {
  const addon = addonWithSheets({ now: Date.UTC(2025, 10, 7, 9) });
  addClients(addon, [{ Client: 'Acme' }, { Client: 'Beta' }]);
  addon.server.addCredits('Acme', 20, 'Block 2025');
  addon.server.addCredits('Beta', 10, 'Block 2025');
  addEntries(addon, [
    { 'Entry ID': 'E-OLD1', Date: '2025-11-03', Client: 'Acme', Hours: 2 },
    { 'Entry ID': 'E-OLD2', Date: '2025-11-04', Client: 'Beta', Hours: 1 },
    { 'Entry ID': 'E-SPLIT', Date: '2025-11-05', Client: 'Acme', Hours: 3 },
    { 'Entry ID': 'E-OPEN', Date: '2025-11-06', Client: 'Acme', Hours: 1 },
  ]);
  addon.server.authorizeEntries(['E-OLD1', 'E-OLD2', 'E-SPLIT']);
  addon.emu.clock.set(Date.UTC(2026, 1, 2, 9));
  addon.server.reverseEntries(['E-SPLIT'], 'Billed twice by mistake');
  addEntries(addon, [{ 'Entry ID': 'E-NEW', Date: '2026-02-02', Client: 'Beta', Hours: 0.5 }]);
  addon.server.authorizeEntries(['E-NEW']);
  return addon;
}

describe('previewArchive', () => {
  it('shows per year what archiveBefore would move and the balances carried forward, writing nothing', () => {
    const addon = workbookAcrossYears();
    addEntries(addon, [{ Date: '2025-11-04', Client: 'Beta', Hours: 1, Description: 'No Entry ID yet' }]);
    const before = addon.emu.snapshot();
    const preview = addon.server.previewArchive('2026-01-01');
    expect(addon.emu.snapshot()).toEqual(before);
    expect(preview).toMatchObject({
      date: '2026-01-01',
      logRows: 4,
      entries: 2,
      years: [{ year: '2025', logRows: 4, entries: 2 }],
      carried: [
        { client: 'Acme', minutes: 18 * 60 },
        { client: 'Beta', minutes: 9 * 60 },
      ],
    });
    expect(preview.summary).toBe(
      'Archiving before 2026-01-01 moves 4 log rows and 2 authorized entries to Prepaid archive 2025; 2 clients carry their balance forward (Acme 18.00 h, Beta 9.00 h). Nothing was written.',
    );
    const done = addon.server.archiveBefore('2026-01-01');
    expect([done.archivedLogRows, done.archivedEntries, done.openingRows]).toEqual([preview.logRows, preview.entries, preview.carried.length]);
    expect(addon.server.previewArchive('2026-01-01')).toMatchObject({ logRows: 0, years: [], summary: 'Nothing to archive before 2026-01-01.' });
    expect(() => addon.server.previewArchive('01/01/2026')).toThrow(/yyyy-mm-dd/);
    expect(() => addon.as(EDITOR).previewArchive('2026-01-01')).toThrow(/Only authorizers/);
  });
});

describe('archiveBefore', () => {
  it('moves old rows to the yearly archive and leaves balances and the ledger intact', () => {
    const addon = workbookAcrossYears();
    const before = balances(addon);
    const result = addon.server.archiveBefore('2026-01-01');
    expect(result.archives.map((a) => a.year)).toEqual(['2025']);
    expect(balances(addon)).toEqual(before);
    expect(addon.server.checkLedger()).toMatchObject({ ok: true });
    const live = rows(addon, 'Prepaid log');
    expect(live.filter((r) => r.Kind === 'Opening balance').map((r) => [r.Client, r.Hours])).toEqual([
      ['Acme', 18],
      ['Beta', 9],
    ]);
    expect(live.filter((r) => r['Entry ID'] === 'E-SPLIT').map((r) => r.Kind)).toEqual(['Deduction', 'Reversal']);
    expect(rows(addon, 'Time entries').map((e) => e['Entry ID'])).toEqual(['E-SPLIT', 'E-OPEN', 'E-NEW']);
    const archive = addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const file = archive.openByUrl(result.archives[0].url);
    expect(file.getName()).toBe('Prepaid archive 2025');
    expect(addon.server.getSettings()).toMatchObject({ archives: { '2025': file.getId() } });
    const again = addon.server.archiveBefore('2026-01-01');
    expect(again.archivedLogRows).toBe(0);
    expect(() => addon.server.archiveBefore('01/01/2026')).toThrow(/yyyy-mm-dd/);
  });

  it('a client log for a period reaching into the archive shows the full history', () => {
    const addon = workbookAcrossYears();
    addon.server.archiveBefore('2026-01-01');
    const { url } = addon.server.exportPrepaidLog('Acme', { from: '2025-11-01' });
    const log = logTab(addon, url);
    expect(log.map((r) => r.Kind)).toEqual(['Opening balance', 'Top-up', 'Deduction', 'Deduction', 'Reversal']);
    expect(log[0].Hours).toBe(0);
    expect(log[log.length - 1]['Balance (h)']).toBe(balances(addon).Acme);
    const recent = logTab(addon, addon.server.exportPrepaidLog('Acme', { from: '2026-01-01' }).url);
    expect(recent.map((r) => [r.Kind, r['Balance (h)']])).toEqual([
      ['Opening balance', 15],
      ['Reversal', 18],
    ]);
  });

  it('a run stopped after any write, then repeated, ends as an uninterrupted run does', () => {
    const state = (a: ReturnType<typeof workbookAcrossYears>) => ({
      balances: balances(a),
      live: rows(a, 'Prepaid log').map((r) => [r.Client, r.Kind, r.Hours, r['Entry ID']]),
      entries: rows(a, 'Time entries').map((r) => r['Entry ID']),
      ok: a.server.checkLedger().ok,
      archivedLog: (a.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .openById(a.server.getSettings().archives['2025'])
        .getSheetByName('Prepaid log')!
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => r[0])
        .sort(),
    });
    expectEveryStoppedRunToRecover(workbookAcrossYears, (a) => a.server.archiveBefore('2026-01-01'), state);
  });
});
