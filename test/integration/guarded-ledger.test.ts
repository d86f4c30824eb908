/**
 * Only authorizers change the books: the ledger sheets are protected for the authorizers
 * (and the owner) alone, the protections follow the list of authorizers, and no ledger
 * action builds on a log row the checksum chain does not vouch for until an authorizer
 * restores the row or accepts the log as it stands. The built bundle on the emulator,
 * with hand edits made the way a person makes them in the sheet.
 */
import type { Addon } from '../../harness/addon';
import { PROTECTED_EDIT_ERROR } from '../../emulator/spreadsheet/protection';
import { addEntries, balances, EDITOR, OWNER, rows, standardWorkbook } from '../../harness/workbook';

const SECOND = 'second@agency.test';
const PROTECTED = ['Prepaid log', 'Invoices', 'Credits', 'Prepaid seal'];

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheet(addon: Addon, name: string): Sheet {
  return addon.emu.spreadsheet.getSheetByName(name)!;
}

/** Types a value into a cell as `user` would in the sheet. */
function typeAs(addon: Addon, user: string, name: string, a1: string, value: unknown): void {
  addon.emu.execution(() => sheet(addon, name).getRange(a1).setValue(value), { user });
}

function sheetProtections(addon: Addon, name: string): GoogleAppsScript.Spreadsheet.Protection[] {
  const app = addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return sheet(addon, name).getProtections(app.ProtectionType.SHEET);
}

function editorsOf(addon: Addon, name: string): string[] {
  return sheetProtections(addon, name)[0]
    .getEditors()
    .map((u) => u.getEmail())
    .sort();
}

/** The Hours cell of a log row, by Log ID. */
function logCell(addon: Addon, logId: string, header: string): GoogleAppsScript.Spreadsheet.Range {
  const log = sheet(addon, 'Prepaid log');
  const values = log.getDataRange().getValues();
  const headers = values[0].map(String);
  return log.getRange(values.findIndex((r) => r[0] === logId) + 1, headers.indexOf(header) + 1);
}

function firstLogId(addon: Addon): string {
  return String(rows(addon, 'Prepaid log')[0]['Log ID']);
}

describe('the ledger sheets are protected for the authorizers', () => {
  it('refuses a non-authorizer’s hand edit of each protected sheet, and leaves Time entries open', () => {
    const addon = standardWorkbook();
    for (const name of PROTECTED) {
      expect(() => typeAs(addon, EDITOR, name, 'A2', 'forged')).toThrow(PROTECTED_EDIT_ERROR);
      expect(sheetProtections(addon, name).map((p) => p.isWarningOnly())).toEqual([false]);
    }
    expect(() => typeAs(addon, EDITOR, 'Time entries', 'F2', 'Kick-off call')).not.toThrow();
    expect(() => typeAs(addon, OWNER, 'Credits', 'C2', 'billing@acme.test')).not.toThrow();
    expect(sheet(addon, 'Prepaid seal').isSheetHidden()).toBe(true);
  });

  it('still lets everyone log time and run timers, and authorizers authorize, through the add-on', () => {
    const addon = standardWorkbook();
    expect(addon.as(EDITOR).logTime({ date: '2026-01-05', client: 'Acme', description: 'Call', hours: '0:30' }).ok).toBe(true);
    addon.as(EDITOR).startTimer('Acme', 'Workshop');
    addon.emu.clock.advance(30 * 60_000);
    expect(addon.as(EDITOR).stopTimer()).toMatchObject({ ok: true });
    addEntries(addon, [{ Client: 'Acme', Hours: 1 }]);
    expect(
      addon
        .as(EDITOR)
        .getSidebarData({})
        .entries.every((e) => e.entryId),
    ).toBe(true);
    expect(addon.server.authorizeEntries(['E-1']).done).toHaveLength(1);
  });

  it('moves the protections with the authorizers, and says so', () => {
    const addon = standardWorkbook();
    const added = addon.server.saveSettings({ authorizers: [OWNER, SECOND] });
    expect(added.summary).toMatch(/are protected: only owner@agency\.test, second@agency\.test/);
    for (const name of PROTECTED) expect(editorsOf(addon, name)).toEqual([OWNER, SECOND]);
    expect(() => typeAs(addon, SECOND, 'Credits', 'C2', 'billing@acme.test')).not.toThrow();
    expect(addon.as(SECOND).addCredits('Acme', 1, 'Extra')).toMatchObject({ ok: true, balance: { afterMinutes: 11 * 60 } });

    addon.as(SECOND).saveSettings({ authorizers: [SECOND] });
    // Sheets keeps the owner, and the person running the script, whatever the list says.
    for (const name of PROTECTED) expect(editorsOf(addon, name)).toEqual([OWNER, SECOND]);
    addon.as(SECOND).saveSettings({ authorizers: [SECOND, EDITOR] });
    addon.as(EDITOR).saveSettings({ authorizers: [EDITOR] });
    for (const name of PROTECTED) expect(editorsOf(addon, name)).toEqual([EDITOR, OWNER]);
    expect(() => typeAs(addon, SECOND, 'Prepaid log', 'A2', 'forged')).toThrow(PROTECTED_EDIT_ERROR);
  });

  it('says so when an authorizer leaves the list but Sheets keeps them as an editor, until someone else sets up', () => {
    const addon = standardWorkbook();
    addon.server.saveSettings({ authorizers: [OWNER, SECOND] });
    const left = addon.as(SECOND).saveSettings({ authorizers: [OWNER] });
    expect(left.summary).toMatch(
      /second@agency\.test can still edit Prepaid log, Invoices, Credits, Prepaid seal: .*Ask the spreadsheet's owner \(owner@agency\.test\)/,
    );
    expect(addon.server.getSidebarData({}).protectionWarning).toMatch(/second@agency\.test can still edit/);
    expect(addon.server.setUpSheets().protection.ok).toBe(true);
    for (const name of PROTECTED) expect(editorsOf(addon, name)).toEqual([OWNER]);
    expect(addon.server.getSidebarData({}).protectionWarning).toBe('');
  });

  it('says so plainly when Sheets refuses, keeps a warning in the sidebar, and clears it once fixed', () => {
    const addon = standardWorkbook();
    expect(addon.server.getSidebarData({}).protectionWarning).toBe('');
    addon.emu.faults.failOn('Protection.addEditors', 'Your domain does not allow this.');
    const saved = addon.server.saveSettings({ authorizers: [OWNER, SECOND] });
    expect(saved.summary).toMatch(/"Prepaid log" could not be protected for the authorizers alone: Your domain does not allow this/);
    expect(addon.server.getSidebarData({}).protectionWarning).toMatch(/could not be protected/);
    expect(addon.as(EDITOR).getSidebarData({}).protectionWarning).toBe('');
    // The new authorizer is not an editor of the protections, so set-up run by them cannot fix it.
    addon.emu.faults.clear();
    const bySecond = addon.as(SECOND).setUpSheets();
    expect(bySecond.summary).toMatch(
      /protected by someone else, and you are not one of its editors\. Ask the spreadsheet's owner \(owner@agency\.test\) to run Set up sheets/,
    );
    expect(addon.as(SECOND).getSidebarData({}).protectionWarning).toMatch(/Ask the spreadsheet's owner/);
    const byOwner = addon.server.setUpSheets();
    expect(byOwner.protection.ok).toBe(true);
    expect(addon.as(SECOND).getSidebarData({}).protectionWarning).toBe('');
    for (const name of PROTECTED) expect(editorsOf(addon, name)).toEqual([OWNER, SECOND]);
  });

  it('turns the warning-only protections of earlier versions into real ones', () => {
    const addon = standardWorkbook();
    const log = sheet(addon, 'Prepaid log');
    for (const p of sheetProtections(addon, 'Prepaid log')) p.remove();
    log.protect().setDescription('Prepaid Time: written by the add-on. Correct balances with an Adjustment instead of editing.').setWarningOnly(true);
    expect(() => typeAs(addon, EDITOR, 'Prepaid log', 'A2', 'forged')).not.toThrow();
    log.getRange('A2').setValue(firstLogId(addon)); // the owner puts it back
    addon.server.setUpSheets();
    expect(sheetProtections(addon, 'Prepaid log').map((p) => p.isWarningOnly())).toEqual([false]);
    expect(() => typeAs(addon, EDITOR, 'Prepaid log', 'A2', 'forged')).toThrow(PROTECTED_EDIT_ERROR);
  });
});

describe('no action is built on a row the chain does not vouch for', () => {
  it('refuses the issue’s forged top-up: the authorization is not built on it and no balance moves', () => {
    const addon = standardWorkbook();
    // An authorizer (here the owner) types a Top-up row into the log by hand.
    const log = sheet(addon, 'Prepaid log');
    log.getRange(log.getLastRow() + 1, 1, 1, 6).setValues([['L-TYPED', new Date(Date.UTC(2026, 0, 5, 10)), 'Acme', 'Top-up', 100, 110]]);
    const before = balances(addon);
    const result = addon.server.authorizeEntries(['E-1']);
    expect(result.done).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        entryId: 'E-1',
        code: 'ledger-broken',
        message: expect.stringMatching(/^Log row L-TYPED on sheet row 4 \(Top-up of 100\.00 h for Acme\) was added by hand/),
      }),
    ]);
    expect(result.ledgerBreak).toMatchObject({ ref: 'L-TYPED', kind: 'inserted', restorable: true });
    expect(() => addon.server.addCredits('Acme', 1, 'Next block')).toThrow(/L-TYPED/);
    // The archive's preview would carry the forged balance forward: it is refused too.
    expect(() => addon.server.previewArchive('2026-12-31')).toThrow(/L-TYPED/);
    expect(balances(addon)).toEqual(before);
    expect(rows(addon, 'Time entries')[0].Status).not.toBe('Authorized');
  });

  it('shows authorizers what changed and everyone else a short notice; logging time still works', () => {
    const addon = standardWorkbook();
    const id = firstLogId(addon);
    logCell(addon, id, 'Hours').setValue(100);
    const mine = addon.server.getSidebarData({}).ledger;
    expect(mine.ok).toBe(false);
    expect(mine.problem).toMatchObject({ ref: id, kind: 'edited', restorable: true, changes: [{ field: 'Hours', was: '10.00', now: '100.00' }] });
    expect(mine.notice).toMatch(/Hours was 10\.00, now 100\.00/);
    const theirs = addon.as(EDITOR).getSidebarData({}).ledger;
    expect(theirs).toEqual({ ok: false, problem: null, notice: expect.stringMatching(/changed by hand.*Logging time still works/) });
    expect(addon.as(EDITOR).logTime({ date: '2026-01-05', client: 'Acme', description: 'Call', hours: 1 }).ok).toBe(true);
  });

  it('Restore puts an edited row back, an inserted one out, a removed one back and swapped ones in order', () => {
    for (const forge of ['edit', 'insert', 'delete', 'swap'] as const) {
      const addon = standardWorkbook();
      addon.server.authorizeEntries(['E-1', 'E-3']);
      const sealed = rows(addon, 'Prepaid log');
      const before = balances(addon);
      const log = sheet(addon, 'Prepaid log');
      if (forge === 'edit') logCell(addon, String(sealed[2]['Log ID']), 'Client').setValue('Acme Labs');
      if (forge === 'insert') {
        log.insertRowBefore(3);
        // Typed in a hurry: no Balance after, no checksum.
        log.getRange(3, 1, 1, 5).setValues([['L-TYPED', new Date(), 'Acme', 'Adjustment', 5]]);
      }
      if (forge === 'delete') log.deleteRow(3);
      if (forge === 'swap') {
        const [a, b] = [log.getRange('A3:N3').getValues(), log.getRange('A4:N4').getValues()];
        log.getRange('A3:N3').setValues(b);
        log.getRange('A4:N4').setValues(a);
      }
      const problem = addon.server.getSidebarData({}).ledger.problem!;
      expect({ forge, restorable: problem.restorable }).toEqual({ forge, restorable: true });
      const restored = addon.server.restoreLedgerRow(problem.ref);
      expect(restored.ledgerBreak).toBeNull();
      expect({ forge, log: rows(addon, 'Prepaid log') }).toEqual({ forge, log: sealed });
      expect({ forge, balances: balances(addon) }).toEqual({ forge, balances: before });
      expect(addon.server.checkLedger().ok).toBe(true);
      expect(addon.server.authorizeEntries(['E-2']).done).toHaveLength(1);
    }
  });

  it('Accept keeps the log as it stands, with a Re-seal row per client whose balance moved', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const deduction = String(rows(addon, 'Prepaid log')[2]['Log ID']);
    logCell(addon, deduction, 'Client').setValue('Acme Labs');
    expect(() => addon.as(EDITOR).acceptLedgerEdit(deduction, 'Booked on the wrong client')).toThrow(/Only authorizers/);
    // Without a reason too: someone who may not accept is told so, not asked for a reason.
    expect(() => addon.as(EDITOR).acceptLedgerEdit(deduction, '')).toThrow(/Only authorizers/);
    expect(() => addon.server.acceptLedgerEdit(deduction, '  ')).toThrow(/Give a reason/);
    expect(() => addon.server.acceptLedgerEdit('L-OTHER', 'Wrong row')).toThrow(/not the row the ledger is waiting on/);
    const accepted = addon.server.acceptLedgerEdit(deduction, 'Booked on the wrong client');
    expect(accepted.ledgerBreak).toBeNull();
    expect(accepted.balances).toEqual([
      { client: 'Acme', beforeMinutes: 510, afterMinutes: 600 },
      { client: 'Acme Labs', beforeMinutes: 240, afterMinutes: 150 },
    ]);
    const reseals = rows(addon, 'Prepaid log').filter((r) => r.Kind === 'Re-seal');
    expect(reseals.map((r) => [r.Client, r.Hours, r.By, r.Reference])).toEqual([
      ['Acme', 0, OWNER, deduction],
      ['Acme Labs', 0, OWNER, deduction],
    ]);
    expect(reseals[0].Description).toBe(
      `${OWNER} accepted a hand edit of log row ${deduction} (Client was Acme, now Acme Labs): Booked on the wrong client. Acme's balance 8.50 h before, 10.00 h after.`,
    );
    expect(balances(addon)).toEqual({ Acme: 10, 'Acme Labs': 2.5 });
    expect(addon.server.checkLedger().ok).toBe(true);
    expect(addon.server.addCredits('Acme', 1, 'Resumed')).toMatchObject({ ok: true, balance: { afterMinutes: 660 } });
  });

  it('refuses to accept a log that would deduct an entry twice, and writes nothing', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const log = sheet(addon, 'Prepaid log');
    log.getRange(log.getLastRow() + 1, 1, 1, 14).setValues(log.getRange(log.getLastRow(), 1, 1, 14).getValues());
    const problem = addon.server.getSidebarData({}).ledger.problem!;
    expect(problem.kind).toBe('inserted');
    const before = addon.emu.faults.writes;
    expect(() => addon.server.acceptLedgerEdit(problem.ref, 'Pasted twice')).toThrow(/cannot be accepted as it stands: .*Restore the row instead/);
    expect(addon.emu.faults.writes).toBe(before);
    addon.server.restoreLedgerRow(problem.ref);
    expect(addon.server.checkLedger().ok).toBe(true);
  });

  it('the hourly trigger pauses, records why, and emails its owner once per problem', () => {
    const addon = standardWorkbook();
    addon.server.installInvoicingTrigger();
    const id = firstLogId(addon);
    logCell(addon, id, 'Hours').setValue(100);
    addon.emu.fireTimeTriggers(addon.bundle);
    addon.emu.fireTimeTriggers(addon.bundle);
    expect(addon.emu.mail.map((m) => m.to)).toEqual([OWNER]);
    expect(addon.emu.mail[0].body).toContain(`Log row ${id} on sheet row 2 was edited by hand: Hours was 10.00, now 100.00.`);
    expect(addon.server.getInvoicingStatus().lastRun?.summary).toMatch(new RegExp(`^Invoicing is paused: Log row ${id}`));
    addon.server.restoreLedgerRow(id);
    addon.emu.fireTimeTriggers(addon.bundle);
    expect(addon.server.getInvoicingStatus().lastRun?.summary).not.toMatch(/paused/);
    logCell(addon, id, 'Hours').setValue(100);
    addon.emu.fireTimeTriggers(addon.bundle);
    expect(addon.emu.mail).toHaveLength(2);
  });
});
