/**
 * The spine's promises under stress: a run stopped after any write and re-run ends where
 * an uninterrupted run ends; two authorizers at once deduct an entry once; the number of
 * service calls does not grow with the number of entries; user text stays text; the
 * schema may be reordered and extended; checkLedger finds hand edits.
 */
import {
  addClients,
  addEntries,
  addonWithSheets,
  balances,
  EDITOR,
  expectEveryStoppedRunToRecover,
  OWNER,
  rows,
  standardWorkbook,
} from '../../harness/workbook';

/** Entry IDs the add-on assigns are random; a re-run may draw different ones. */
const assigned = (id: unknown) => String(id).replace(/^E-[0-9A-F]{14}$/, 'E-(assigned)');

/** The workbook's meaning, without the random IDs and checksums a re-run draws anew. */
function ledgerState(addon: ReturnType<typeof standardWorkbook>) {
  return {
    log: rows(addon, 'Prepaid log').map((r) => [r.Client, r.Kind, r.Hours, r['Balance after (h)'], assigned(r['Entry ID']), r.Description, r['Raw hours']]),
    entries: rows(addon, 'Time entries').map((r) => [assigned(r['Entry ID']), r.Status, r['Authorized by'], r.Select]),
    balances: balances(addon),
    check: addon.server.checkLedger().problems,
  };
}

describe('a run stopped after the k-th write', () => {
  const operations: [string, (a: ReturnType<typeof standardWorkbook>) => unknown][] = [
    ['authorizeEntries', (a) => a.server.authorizeEntries(['E-1', 'E-2', 'E-3'])],
    ['reverseEntries', (a) => a.server.reverseEntries(['E-1'], 'Mistake')],
    ['addCredits', (a) => a.server.addCredits('Acme', 5, 'More', 'req-1')],
    ['adjustCredits', (a) => a.server.adjustCredits('Acme Labs', '-1:30', 'Correction', 'req-2')],
    ['authorizeTicked', (a) => a.server.authorizeTicked()],
  ];
  const prepare = () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    addEntries(addon, [{ Client: 'Acme', Hours: 1, Select: true }]);
    return addon;
  };

  it.each(operations)('%s ends, after a re-run, exactly where an uninterrupted run ends', (_name, operation) => {
    expectEveryStoppedRunToRecover(prepare, operation, ledgerState);
  });
});

describe('two people at once', () => {
  it('a second authorizer who arrives while the first holds the lock is told to try again, and nothing is deducted twice', () => {
    const addon = standardWorkbook();
    addon.server.saveSettings({ authorizers: [OWNER, EDITOR] });
    const outcomes: string[] = [];
    let interleaved = false;
    addon.emu.faults.onWrite(() => {
      if (interleaved) return;
      interleaved = true;
      try {
        addon.as(EDITOR).authorizeEntries(['E-1', 'E-2']);
        outcomes.push('second went through');
      } catch (error) {
        outcomes.push((error as Error).message);
      }
    });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatch(/try again/);
    const retry = addon.as(EDITOR).authorizeEntries(['E-1', 'E-2']);
    expect(retry.skipped.map((s) => s.code)).toEqual(['already-authorized', 'already-authorized']);
    expect(balances(addon).Acme).toBe(6.5);
    expect(addon.server.checkLedger().ok).toBe(true);
  });
});

describe('service calls', () => {
  function callsToAuthorize(count: number): { data: number; total: number } {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    addEntries(
      addon,
      // One person each: a thousand hours by one person on one day would be flagged, not deducted.
      Array.from({ length: count }, (_, i) => ({ 'Entry ID': `E-${i}`, Client: 'Acme', Person: `Person ${i}`, Hours: 1 })),
    );
    addon.server.authorizeEntries(['E-0']);
    const { calls } = addon.emu;
    calls.reset();
    addon.server.authorizeEntries(Array.from({ length: count }, (_, i) => `E-${i}`));
    return { data: calls.dataCalls(), total: calls.total() };
  }

  it('authorizeEntries makes as many calls for 1,000 entries as for 10 (within 4: growing the log sheet and its sealed copy), and at most 12 data calls', () => {
    const small = callsToAuthorize(10);
    const large = callsToAuthorize(1000);
    expect(Math.abs(large.total - small.total)).toBeLessThanOrEqual(4);
    expect(Math.abs(large.data - small.data)).toBeLessThanOrEqual(2);
    expect(large.data).toBeLessThanOrEqual(12);
  });
});

describe('user text and the schema', () => {
  it('copies descriptions that look like formulas, numbers or dates into the log as the same text', () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Acme' }]);
    const texts = ['=IMPORTRANGE("x","y")', '+1', '007', '2026-01-05', '@here', 'TRUE'];
    addEntries(
      addon,
      texts.map((t, i) => ({ 'Entry ID': `E-${i}`, Client: 'Acme', Hours: 1, Description: `'${t}` })),
    );
    addon.server.authorizeEntries(texts.map((_, i) => `E-${i}`));
    const log = addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
    expect(rows(addon, 'Prepaid log').map((r) => r.Description)).toEqual(texts);
    expect(log.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('works with reordered columns and keeps the user’s own columns', () => {
    const addon = addonWithSheets();
    const sheet = addon.emu.spreadsheet.getSheetByName('Time entries')!;
    const headers = sheet.getRange(1, 1, 1, 10).getValues()[0];
    sheet.getRange(1, 1, 1, 11).setValues([[...headers.slice().reverse(), 'My notes']]);
    addClients(addon, [{ Client: 'Acme' }]);
    addEntries(addon, [{ 'Entry ID': 'E-1', Client: 'Acme', Hours: 2 }]);
    sheet.getRange(2, 11).setValue('keep me');
    addon.server.authorizeEntries(['E-1']);
    const [entry] = rows(addon, 'Time entries');
    expect(entry.Status).toBe('Authorized');
    expect(entry['My notes']).toBe('keep me');
    expect(entry.Hours).toBe(2);
  });

  it('names a deleted column and changes nothing', () => {
    const addon = standardWorkbook();
    const sheet = addon.emu.spreadsheet.getSheetByName('Time entries')!;
    sheet.deleteColumn(7);
    const before = addon.emu.snapshot();
    expect(() => addon.server.authorizeEntries(['E-1'])).toThrow(/no "Hours" column.*Set up sheets/);
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('setUpSheets run twice writes nothing the second time and keeps ticked boxes', () => {
    const addon = standardWorkbook();
    addon.emu.spreadsheet.getSheetByName('Time entries')!.getRange('A2').setValue(true);
    const before = addon.emu.snapshot();
    const writes = addon.emu.faults.writes;
    const again = addon.server.setUpSheets();
    expect(again.summary).toMatch(/nothing changed/);
    expect(addon.emu.faults.writes).toBe(writes);
    expect(addon.emu.snapshot()).toEqual(before);
  });
});

describe('checkLedger', () => {
  it('reports a hand-edited log row, a typed balance and hours changed after authorization', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']);
    expect(addon.server.checkLedger().ok).toBe(true);
    const ss = addon.emu.spreadsheet;
    ss.getSheetByName('Time entries')!.getRange('G2').setValue(5);
    ss.getSheetByName('Credits')!.getRange('I2').setValue(99);
    ss.getSheetByName('Prepaid log')!.getRange('H4').setValue('edited');
    const report = addon.server.checkLedger();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code).sort()).toEqual(['balance-mismatch', 'checksum', 'hours-edited']);
    expect(balances(addon).Acme).toBe(99);
  });
});
