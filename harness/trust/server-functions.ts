/**
 * Every global function of the server API, with who may call it and the arguments a
 * caller sends on the trust workbook. The permission matrix and the lock cases call each
 * one; a test fails when src/index.ts gains a function this catalogue does not classify,
 * so no new entry point escapes them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Addon } from '../addon';
import { CLIENT_VIEWER } from './trust-workbook';

/**
 * `authorizer`: only authorizers (changes the ledger, settings, invoices or sharing).
 * `editor`: anyone who can edit the workbook (logs time, their own timer).
 * `reader`: anyone; changes nothing (Entry IDs aside).
 */
export type Access = 'authorizer' | 'editor' | 'reader';

export interface ServerFunction {
  name: string;
  access: Access;
  /** Menu items report in an alert or toast instead of returning or throwing. */
  menu: boolean;
  /** Changes nothing (as a `reader`), though only authorizers may call it: it answers while the lock is held elsewhere. */
  readsOnly?: boolean;
  /** The arguments; may set up what the call needs (a selection, a prompt's answer). */
  args(addon: Addon): unknown[];
}

const none = () => [];
const fn = (name: string, access: Access, args: (addon: Addon) => unknown[] = none): ServerFunction => ({ name, access, menu: false, args });
const menu = (name: string, access: Access, args: (addon: Addon) => unknown[] = none): ServerFunction => ({ name, access, menu: true, args });

function selectRows(addon: Addon): unknown[] {
  addon.emu.setSelection('Time entries', 'A2:J6');
  return [];
}

function answerPrompt(addon: Addon): unknown[] {
  addon.emu.ui.nextPromptText = 'Acme';
  return [];
}

export const SERVER_FUNCTIONS: ServerFunction[] = [
  menu('onOpen', 'reader', () => [{ authMode: 'FULL' }]),
  menu('onInstall', 'reader', () => [{ authMode: 'FULL' }]),
  menu('showSidebar', 'reader'),
  fn('setUpSheets', 'authorizer'),
  fn('addCredits', 'authorizer', () => ['Acme', 2, 'Extra block', 'req-matrix-add']),
  fn('adjustCredits', 'authorizer', () => ['Acme', '-0:30', 'Correction', 'req-matrix-adjust']),
  fn('authorizeEntries', 'authorizer', () => [['E-1', 'E-2']]),
  fn('authorizeTicked', 'authorizer'),
  fn('authorizeSelection', 'authorizer', selectRows),
  fn('reverseEntries', 'authorizer', () => [['E-4'], 'Wrong client']),
  fn('getSettings', 'reader'),
  fn('saveSettings', 'authorizer', () => [{ roundingMinutes: 15 }]),
  fn('archiveBefore', 'authorizer', () => ['2026-01-06']),
  { ...fn('previewArchive', 'authorizer', () => ['2026-01-06']), readsOnly: true },
  fn('checkLedger', 'reader'),
  fn('acceptLedgerEdit', 'authorizer', () => ['L-MATRIX', 'Matrix check']),
  fn('restoreLedgerRow', 'authorizer', () => ['L-MATRIX']),
  fn('getSidebarData', 'reader', () => [{}]),
  fn('logTime', 'editor', () => [{ date: '2026-01-06', client: 'Acme', person: 'Ann', description: 'Call', hours: '1:00' }]),
  fn('startTimer', 'editor', () => ['Acme', 'Workshop']),
  fn('stopTimer', 'editor'),
  fn('getTimer', 'reader'),
  fn('saveClientSettings', 'authorizer', () => ['Acme', { minimumHours: 3 }]),
  fn('addClient', 'authorizer', () => [{ name: 'Gamma', billingEmail: 'ap@gamma.test', hourlyRate: '80', currency: 'EUR', minimumHours: 2, topUpHours: 10 }]),
  fn('exportPrepaidLog', 'authorizer', () => ['Beta']),
  fn('shareClientLog', 'authorizer', () => ['Acme', 'cfo@acme.test']),
  fn('unshareClientLog', 'authorizer', () => ['Acme', CLIENT_VIEWER]),
  menu('menuExportPrepaidLog', 'authorizer', answerPrompt),
  fn('runAutomaticInvoicing', 'authorizer'),
  fn('markInvoicePaid', 'authorizer', () => ['INV-2026-0001']),
  fn('invoiceClientNow', 'authorizer', () => ['Acme Labs']),
  fn('installInvoicingTrigger', 'authorizer'),
  fn('removeInvoicingTrigger', 'authorizer'),
  fn('getInvoicingStatus', 'reader'),
  menu('menuAuthorizeTicked', 'authorizer'),
  menu('menuAuthorizeSelection', 'authorizer', selectRows),
  menu('menuRunInvoicing', 'authorizer'),
  menu('menuCheckLedger', 'reader'),
  menu('menuSetUpSheets', 'authorizer'),
];

/** The entry points of the built bundle: its top-level function stubs. */
function bundleEntryPoints(distDir = join(__dirname, '..', '..', 'dist')): string[] {
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  return [...code.matchAll(/^function (\w+)\(\)/gm)].map((m) => m[1]);
}

/** Entry points the catalogue does not classify (must be empty), and catalogued names the bundle lacks. */
export function catalogueGaps(): { unclassified: string[]; missing: string[] } {
  const entryPoints = bundleEntryPoints();
  const known = SERVER_FUNCTIONS.map((f) => f.name);
  return { unclassified: entryPoints.filter((n) => !known.includes(n)), missing: known.filter((n) => !entryPoints.includes(n)) };
}
