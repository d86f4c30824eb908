/**
 * The protections that keep the books for authorizers: `Prepaid log`, `Invoices`,
 * `Credits` and the hidden `Prepaid seal`, each protected whole, for real (not
 * warning-only), with the authorizers and the spreadsheet's owner (whom Sheets always
 * allows) as the only editors. Everyone else can still read them; `Time entries` stays
 * open. Sheets never lets a script remove the owner or the person running it, so those
 * stay editors whatever the list says. Where Sheets refuses (the user cannot manage a
 * protection someone else set, or a domain policy forbids it), the report says so in a
 * sentence instead of failing the call.
 */
import { normalizeEmail } from '../core/permissions';
import { CREDITS, INVOICES, PREPAID_LOG, PREPAID_SEAL } from './schema';
import type { SheetsApp } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The description that marks the add-on's own protections. */
export const PROTECTION_NOTE = 'Prepaid Time: only authorizers may change this sheet. Correct balances with an Adjustment instead of editing.';
/** The warning-only protections earlier versions set (the log, and Credits' Balance column). */
const OLD_NOTE = 'Prepaid Time: written by the add-on. Correct balances with an Adjustment instead of editing.';

export const PROTECTED_SHEETS = [PREPAID_LOG.name, INVOICES.name, CREDITS.name, PREPAID_SEAL.name];

export interface ProtectionReport {
  /** True when every protected sheet is protected for the authorizers alone. */
  ok: boolean;
  /** The sheets protected now. */
  sheets: string[];
  /** Whether any protection or editor changed in this call. */
  changed: boolean;
  /** One sentence per sheet Sheets would not protect, saying what to do. */
  problems: string[];
}

function emails(protection: Protection): string[] {
  return protection.getEditors().map((u) => normalizeEmail(u.getEmail()));
}

/** Makes one sheet's protection restricted to `wanted`; returns whether it changed anything. */
function restrict(protection: Protection, wanted: ReadonlySet<string>, keep: ReadonlySet<string>, created: boolean): boolean {
  let changed = created;
  // A warning-only protection's editors were never set: it is as loose as a new one.
  let isNew = created;
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
    isNew = true;
  }
  const current = emails(protection);
  // A new protection mirrors the file's editors until its list changes: removing them all
  // (Sheets keeps the owner and the person running it) makes it a real one.
  const extra = isNew ? current : current.filter((e) => !wanted.has(e) && !keep.has(e));
  if (extra.length) {
    protection.removeEditors(extra);
    changed = true;
  }
  const have = new Set(isNew ? emails(protection) : current);
  const missing = [...wanted].filter((e) => !have.has(e));
  if (missing.length) {
    protection.addEditors(missing);
    changed = true;
  }
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  return changed;
}

/**
 * Protects the ledger sheets for `authorizers` (and the owner), creating the protections
 * that are missing and bringing the editors of existing ones up to the list. `me` is the
 * user running it, whom Sheets keeps as an editor.
 */
export function protectLedgerSheets(spreadsheet: Spreadsheet, app: SheetsApp, authorizers: readonly string[], me: string): ProtectionReport {
  const owner = normalizeEmail(spreadsheet.getOwner()?.getEmail() ?? '');
  const wanted = new Set(authorizers.map(normalizeEmail).filter((e) => e && e !== owner));
  const keep = new Set([owner, normalizeEmail(me)].filter(Boolean));
  const report: ProtectionReport = { ok: true, sheets: [], changed: false, problems: [] };
  /** Editors Sheets kept who are not on the list (the person running it, when they left it). */
  const kept = new Set<string>();
  const type = app.ProtectionType;
  for (const name of PROTECTED_SHEETS) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    try {
      for (const old of sheet.getProtections(type.RANGE).filter((p) => p.getDescription() === OLD_NOTE)) {
        old.remove();
        report.changed = true;
      }
      const mine = sheet.getProtections(type.SHEET).find((p) => p.getDescription() === PROTECTION_NOTE || p.getDescription() === OLD_NOTE);
      if (mine && !mine.canEdit()) {
        throw new Error(
          `it is protected by someone else, and you are not one of its editors. Ask the spreadsheet's owner${owner ? ` (${owner})` : ''} to run Set up sheets`,
        );
      }
      const protection = mine ?? sheet.protect();
      const described = protection.getDescription() === PROTECTION_NOTE;
      if (!described) protection.setDescription(PROTECTION_NOTE);
      if (restrict(protection, wanted, keep, !mine) || !described) report.changed = true;
      for (const e of emails(protection)) if (!wanted.has(e) && e !== owner) kept.add(e);
      report.sheets.push(name);
    } catch (error) {
      report.ok = false;
      const why = String((error as Error).message).replace(/[.\s]+$/, '');
      report.problems.push(
        `"${name}" could not be protected for the authorizers alone: ${why}. Until it is, anyone who can edit the spreadsheet can change it by hand.`,
      );
    }
  }
  // An authorizer who takes themselves off the list stays an editor until someone else runs set-up.
  if (kept.size) {
    report.ok = false;
    report.problems.push(
      `${[...kept].join(', ')} can still edit ${report.sheets.join(', ')}: Sheets never takes the person making the change off a protection. Ask the spreadsheet's owner${owner ? ` (${owner})` : ''} or another authorizer to run Set up sheets.`,
    );
  }
  return report;
}
