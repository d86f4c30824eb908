/**
 * What authorizing checks before it deducts, on the built bundle: entries over 24 h are
 * refused; long entries, long days and future dates are skipped unless the call confirms
 * them (the server decides, not the sidebar); the preview and the result count the same
 * way; each result item says which entry it is; and the Reason column shows each skip.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addEntries, addonWithSheets, balances, rows } from '../../harness/workbook';

/** Today in the harness is 2026-01-05 (Europe/Brussels). */
function workbook(): Addon {
  const addon = addonWithSheets();
  addClients(addon, [{ Client: 'Acme' }]);
  addon.server.addCredits('Acme', 100, 'Block');
  return addon;
}

type Skip = { entryId: string; code: string; row: number | null };

const codes = (result: { skipped: Skip[] }) => result.skipped.map((s) => [s.entryId, s.code]);

function reasons(addon: Addon): Record<string, unknown> {
  return Object.fromEntries(rows(addon, 'Time entries').map((r) => [`${r['Entry ID']}@${r.Status || 'Open'}`, r.Reason]));
}

describe('sanity limits when authorizing', () => {
  it('refuses an entry over 24 h, and skips long entries, long days and future dates unless confirmed', () => {
    const addon = workbook();
    addEntries(addon, [
      { 'Entry ID': 'E-DAY', Client: 'Acme', Person: 'Ann', Hours: 8 },
      { 'Entry ID': 'E-25', Client: 'Acme', Person: 'Bob', Hours: 25 },
      { 'Entry ID': 'E-500', Client: 'Acme', Person: 'Bob', Date: '2026-01-02', Hours: "'500h" },
      { 'Entry ID': 'E-LONG', Client: 'Acme', Person: 'Cy', Hours: '12:30' },
      { 'Entry ID': 'E-AM', Client: 'Acme', Person: 'Dee', Date: '2026-01-04', Hours: 12 },
      { 'Entry ID': 'E-PM', Client: 'Acme', Person: 'dee', Date: '2026-01-04', Hours: 12.5 },
      { 'Entry ID': 'E-NEXT', Client: 'Acme', Person: 'Ann', Date: '2026-01-06', Hours: 1 },
    ]);
    const ids = ['E-DAY', 'E-25', 'E-500', 'E-LONG', 'E-AM', 'E-PM', 'E-NEXT'];
    const first = addon.server.authorizeEntries(ids);
    expect(first.done.map((d) => d.entryId)).toEqual(['E-DAY']);
    expect(codes(first)).toEqual([
      ['E-25', 'too-many-hours'],
      ['E-500', 'too-many-hours'],
      ['E-LONG', 'long-entry'],
      ['E-AM', 'long-day'],
      ['E-PM', 'long-entry'],
      ['E-NEXT', 'future-date'],
    ]);
    expect(first.skipped[0].message).toMatch(/25\.00 h is more than 24 h in one entry/);
    expect(first.skipped.find((s) => s.entryId === 'E-PM')?.flags?.map((f) => f.code)).toEqual(['long-entry', 'long-day']);
    expect(first.skipped.find((s) => s.entryId === 'E-NEXT')?.message).toMatch(
      /dated 2026-01-06, after today \(2026-01-05\)\. If that is right, authorize it anyway/,
    );
    expect(first.counts).toEqual({ authorized: 1, skipped: 6, toConfirm: 4, alreadyAuthorized: 0 });
    expect(first.summary).toMatch(/^Authorized 1 entry, skipped 6 \(4 to confirm with Authorize anyway\)\./);

    // Confirming goes through only for the entries named, and never for one over 24 h.
    const second = addon.server.authorizeEntries(ids, { confirmed: ['E-25', 'E-LONG', 'E-NEXT', 'E-AM'] });
    expect(second.done.map((d) => [d.entryId, d.minutes])).toEqual([
      ['E-LONG', 750],
      ['E-AM', 720],
      ['E-NEXT', 60],
    ]);
    expect(second.done.find((d) => d.entryId === 'E-LONG')?.flags?.map((f) => f.code)).toEqual(['long-entry']);
    expect(codes(second)).toEqual([
      ['E-DAY', 'already-authorized'],
      ['E-25', 'too-many-hours'],
      ['E-500', 'too-many-hours'],
      ['E-PM', 'long-entry'],
    ]);
    expect(balances(addon).Acme).toBe(100 - 8 - 12.5 - 12 - 1);
    expect(addon.server.checkLedger().ok).toBe(true);
  });

  it('skips flagged entries from the menu, which confirms nothing', () => {
    const addon = workbook();
    addEntries(addon, [
      { Client: 'Acme', Hours: 13, Select: true },
      { Client: 'Acme', Hours: 1, Select: true },
    ]);
    const result = addon.server.authorizeTicked();
    expect(result.done.map((d) => d.minutes)).toEqual([60]);
    expect(result.skipped.map((s) => s.code)).toEqual(['long-entry']);
    expect(rows(addon, 'Time entries').map((r) => r.Select)).toEqual([true, false]);
  });

  it('refuses a confirmation list that is not a list', () => {
    const addon = workbook();
    expect(() => addon.server.authorizeEntries([], { confirmed: 'E-1' as unknown as string[] })).toThrow(/"confirmed" must be a list of Entry IDs/);
  });
});

describe('the preview and the result', () => {
  /** Duplicates, an unknown client, bad hours, one over 24 h, a flagged one, a good one, and one already authorized. */
  function mixed(): Addon {
    const addon = workbook();
    addEntries(addon, [
      { 'Entry ID': 'E-DONE', Client: 'Acme', Hours: 1, Select: true },
      { 'Entry ID': 'E-OK', Client: 'Acme', Person: 'Ann', Description: 'Design', Hours: '1:30', Select: true },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 1, Select: true },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 2, Select: true },
      { 'Entry ID': 'E-WHO', Client: 'Globex', Hours: 1, Select: true },
      { 'Entry ID': 'E-BAD', Client: 'Acme', Hours: 'lots', Select: true },
      { 'Entry ID': 'E-BIG', Client: 'Acme', Hours: 30, Select: true },
      { 'Entry ID': 'E-LATE', Client: 'Acme', Date: '2026-02-01', Hours: 1, Select: true },
    ]);
    addon.server.authorizeEntries(['E-DONE']);
    return addon;
  }

  it('count the same entries the same way: one per row, a duplicated ID once per row', () => {
    const addon = mixed();
    const preview = addon.server.getSidebarData({});
    expect(preview.counts).toEqual({ authorized: 1, skipped: 6, toConfirm: 1, alreadyAuthorized: 0 });
    expect(preview.entries.filter((e) => e.problem || e.flags.length)).toHaveLength(6);
    expect(preview.entries.find((e) => e.entryId === 'E-LATE')).toMatchObject({
      problem: '',
      skipCode: '',
      deductMinutes: 60,
      flags: [expect.objectContaining({ code: 'future-date' })],
    });
    expect(preview.entries.find((e) => e.entryId === 'E-BIG')).toMatchObject({ skipCode: 'too-many-hours', deductMinutes: null, flags: [] });

    const result = addon.server.authorizeEntries(preview.entries.map((e) => e.entryId));
    expect(result.counts).toEqual(preview.counts);
    expect(result.skipped).toHaveLength(preview.counts.skipped);
    expect(result.summary).toMatch(/^Authorized 1 entry, skipped 6 \(1 to confirm with Authorize anyway\)\./);
  });

  it('count ticked entries the same way, with the already authorized one apart', () => {
    const addon = mixed();
    const preview = addon.server.getSidebarData({ source: 'ticked' });
    const result = addon.server.authorizeTicked();
    expect(result.counts).toEqual({ ...preview.counts, alreadyAuthorized: 1 });
    expect(result.summary).toMatch(/; 1 entry was already authorized\./);
  });
});

describe('each entry in a result', () => {
  it('comes with its row, date, client, person, description and hours', () => {
    const addon = workbook();
    addEntries(addon, [
      { 'Entry ID': 'E-OK', Date: '2026-01-02', Client: 'Acme', Person: 'Ann', Description: 'Design review', Hours: '1:30' },
      { 'Entry ID': 'E-WHO', Date: '2026-01-03', Client: 'Globex', Person: 'Bob', Description: 'Wrong client', Hours: 'two' },
    ]);
    const result = addon.server.authorizeEntries(['E-OK', 'E-WHO', 'E-GONE']);
    expect(result.done).toEqual([
      {
        entryId: 'E-OK',
        row: 2,
        date: '2026-01-02',
        client: 'Acme',
        person: 'Ann',
        description: 'Design review',
        hours: '1.50',
        rawMinutes: 90,
        minutes: 90,
        flags: [],
      },
    ]);
    expect(result.skipped).toEqual([
      {
        entryId: 'E-WHO',
        code: 'unknown-client',
        message: expect.stringMatching(/"Globex", which is not in Credits/),
        row: 3,
        date: '2026-01-03',
        client: 'Globex',
        person: 'Bob',
        description: 'Wrong client',
        hours: 'two',
      },
      { entryId: 'E-GONE', code: 'not-found', message: expect.any(String), row: null, date: '', client: '', person: '', description: '', hours: '' },
    ]);
    const reversed = addon.server.reverseEntries(['E-OK'], 'Wrong day');
    expect(reversed.done[0]).toMatchObject({ entryId: 'E-OK', row: 2, date: '2026-01-02', person: 'Ann', description: 'Design review', minutes: 90 });
  });
});

describe('the Reason column', () => {
  it('shows why each row was skipped, and is cleared when the entry goes through', () => {
    const addon = workbook();
    expect(rows(addon, 'Time entries').length).toBe(0);
    addEntries(addon, [
      { 'Entry ID': 'E-OK', Client: 'Acme', Hours: 1 },
      { 'Entry ID': 'E-BAD', Client: 'Acme', Hours: 'two' },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 1 },
      { 'Entry ID': 'E-DUP', Client: 'Acme', Hours: 2 },
      { 'Entry ID': 'E-NEXT', Client: 'Acme', Date: '2026-01-09', Hours: 1 },
      { 'Entry ID': 'E-ASIDE', Client: 'Acme', Hours: 'later', Select: false },
    ]);
    const sheet = addon.emu.spreadsheet.getSheetByName('Time entries')!;
    sheet.getRange('K7').setValue('my own note');
    addon.emu.calls.reset();
    addon.server.authorizeEntries(['E-OK', 'E-BAD', 'E-DUP', 'E-NEXT']);
    // The log rows, their sealed copy, one block for Status…Reason, and the balances.
    expect(addon.emu.calls.count('Range.setValues')).toBeLessThanOrEqual(4);
    const after = rows(addon, 'Time entries');
    expect(after.map((r) => [r['Entry ID'], r.Status || 'Open', r.Reason])).toEqual([
      ['E-OK', 'Authorized', ''],
      ['E-BAD', 'Open', expect.stringMatching(/^Entry E-BAD \(row 3\): Hours "two" are not a number/)],
      ['E-DUP', 'Open', expect.stringMatching(/Entry ID E-DUP is on rows 4, 5/)],
      ['E-DUP', 'Open', expect.stringMatching(/Entry ID E-DUP is on rows 4, 5/)],
      ['E-NEXT', 'Open', expect.stringMatching(/dated 2026-01-09, after today .* authorize it anyway from the sidebar/)],
      ['E-ASIDE', 'Open', 'my own note'],
    ]);

    sheet.getRange('G3').setValue(2);
    addon.server.authorizeEntries(['E-BAD', 'E-OK', 'E-NEXT'], { confirmed: ['E-NEXT'] });
    expect(reasons(addon)).toEqual({
      'E-OK@Authorized': '',
      'E-BAD@Authorized': '',
      'E-DUP@Open': expect.stringMatching(/E-DUP/),
      'E-NEXT@Authorized': '',
      'E-ASIDE@Open': 'my own note',
    });
  });

  it('is added by Set up sheets next to the status columns, and a workbook without it still authorizes', () => {
    const addon = workbook();
    const headers = addon.emu.spreadsheet.getSheetByName('Time entries')!.getRange('A1:K1').getValues()[0];
    expect(headers.slice(7)).toEqual(['Status', 'Authorized by', 'Authorized at', 'Reason']);
    addon.emu.spreadsheet.getSheetByName('Time entries')!.deleteColumn(11);
    addEntries(addon, [{ 'Entry ID': 'E-BAD', Client: 'Acme', Hours: 'two' }]);
    expect(addon.server.authorizeEntries(['E-BAD']).skipped.map((s) => s.code)).toEqual(['bad-hours']);
    expect(addon.server.setUpSheets().addedColumns).toEqual(expect.arrayContaining([expect.stringMatching(/Reason/)]));
  });
});
