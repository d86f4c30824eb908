/**
 * The ledger sheets' protections on the emulator: restricted (not warning-only) to the
 * authorizers and the owner, Time entries left open, a second run changing nothing, the
 * editors following the list, and a sentence, not a failure, where Sheets refuses.
 */
import { PROTECTED_SHEETS, PROTECTION_NOTE, protectLedgerSheets } from '../../src/sheets/protections';
import { setUpApps } from '../../harness/emulated';

const OWNER = 'owner@agency.test';
const ANN = 'ann@agency.test';
const BEN = 'ben@agency.test';

/** Each sheet's protections as (description, warning-only, editors sorted). */
function protections(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, type: GoogleAppsScript.Spreadsheet.ProtectionType) {
  return Object.fromEntries(
    spreadsheet.getSheets().map((sheet) => [
      sheet.getName(),
      sheet.getProtections(type).map((p) => [
        p.getDescription(),
        p.isWarningOnly(),
        p
          .getEditors()
          .map((u) => u.getEmail())
          .sort(),
      ]),
    ]),
  );
}

describe('protectLedgerSheets', () => {
  it('protects the four ledger sheets for the authorizers and the owner, and leaves Time entries open', () => {
    const { spreadsheet, sheetsApp } = setUpApps();
    const report = protectLedgerSheets(spreadsheet, sheetsApp, [' Ann@Agency.test ', OWNER], OWNER);
    expect(report).toEqual({ ok: true, sheets: PROTECTED_SHEETS, changed: true, problems: [] });
    const mine = [[PROTECTION_NOTE, false, [ANN, OWNER]]];
    expect(protections(spreadsheet, sheetsApp.ProtectionType.SHEET)).toEqual({
      Sheet1: [],
      Credits: mine,
      'Time entries': [],
      'Prepaid log': mine,
      Invoices: mine,
      'Prepaid seal': mine,
    });
  });

  it.each([[[ANN]], [[OWNER]]])('keeps everyone else out of the protected cells (authorizers %j)', (authorizers) => {
    const { emu, spreadsheet, sheetsApp } = setUpApps();
    protectLedgerSheets(spreadsheet, sheetsApp, authorizers, OWNER);
    const write = (user: string, sheet: string) => () => emu.execution(() => spreadsheet.getSheetByName(sheet)!.getRange('A5').setValue('x'), { user });
    expect(write(BEN, 'Prepaid log')).toThrow(/protected cell/);
    expect(write(authorizers[0], 'Prepaid log')).not.toThrow();
    expect(write(BEN, 'Time entries')).not.toThrow();
  });

  it('changes nothing on a second run, and moves the editors with the list', () => {
    const { emu, spreadsheet, sheetsApp } = setUpApps();
    protectLedgerSheets(spreadsheet, sheetsApp, [ANN], OWNER);
    emu.faults.resetCount();
    expect(protectLedgerSheets(spreadsheet, sheetsApp, [ANN], OWNER)).toMatchObject({ ok: true, changed: false });
    expect(emu.faults.writes).toBe(0);
    expect(protectLedgerSheets(spreadsheet, sheetsApp, [BEN], OWNER)).toMatchObject({ ok: true, changed: true });
    expect(protections(spreadsheet, sheetsApp.ProtectionType.SHEET).Invoices).toEqual([[PROTECTION_NOTE, false, [BEN, OWNER]]]);
  });

  it('replaces the warning-only protections of earlier versions', () => {
    const { spreadsheet, sheetsApp } = setUpApps();
    const old = 'Prepaid Time: written by the add-on. Correct balances with an Adjustment instead of editing.';
    const log = spreadsheet.getSheetByName('Prepaid log')!;
    log.protect().setDescription(old).setWarningOnly(true);
    spreadsheet.getSheetByName('Credits')!.getRange('I:I').protect().setDescription(old).setWarningOnly(true);
    expect(protectLedgerSheets(spreadsheet, sheetsApp, [ANN], OWNER)).toMatchObject({ ok: true, changed: true });
    expect(protections(spreadsheet, sheetsApp.ProtectionType.SHEET)['Prepaid log']).toEqual([[PROTECTION_NOTE, false, [ANN, OWNER]]]);
    expect(protections(spreadsheet, sheetsApp.ProtectionType.RANGE).Credits).toEqual([]);
  });

  it('says so in a sentence when the user may not change a protection someone else set', () => {
    const { emu, spreadsheet, sheetsApp } = setUpApps();
    protectLedgerSheets(spreadsheet, sheetsApp, [ANN], OWNER);
    const report = emu.execution(() => protectLedgerSheets(spreadsheet, sheetsApp, [BEN], BEN), { user: BEN });
    expect(report.ok).toBe(false);
    expect(report.sheets).toEqual([]);
    expect(report.problems[0]).toMatch(
      /^"Prepaid log" could not be protected for the authorizers alone: it is protected by someone else, .* Ask the spreadsheet's owner \(owner@agency\.test\) to run Set up sheets\. Until it is, anyone/,
    );
  });

  it('reports an authorizer who took themselves off the list, whom Sheets keeps as an editor', () => {
    const { emu, spreadsheet, sheetsApp } = setUpApps();
    protectLedgerSheets(spreadsheet, sheetsApp, [ANN, BEN], OWNER);
    const report = emu.execution(() => protectLedgerSheets(spreadsheet, sheetsApp, [BEN], ANN), { user: ANN });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/^ann@agency\.test can still edit Prepaid log, Invoices, Credits, Prepaid seal: Sheets never takes/),
    ]);
  });
});
