/**
 * §5 Tamper evidence, and §3's identity damage. Every Prepaid log row carries a short
 * checksum chained to the row before, so checkLedger must name the first row that was
 * edited, inserted or removed by hand, for any history and any such edit (fast-check).
 * Removing the last row breaks no chain; the balance or the entry's status gives it away.
 * The identity cases: hours edited after authorization are flagged and never deducted
 * again; an Entry ID cleared on an authorized row is not given a new one (which would
 * deduct the hours again); clients renamed or deleted in Credits are reported and their
 * entries refused; a copied row's duplicate Entry ID is refused; an Adjustment corrects
 * a balance and leaves the ledger consistent.
 */
import fc from 'fast-check';
import type { Addon } from '../addon';
import { readRows } from '../../emulator/sheet-rows';
import { addClients, addEntries, addonWithSheets, balances } from '../workbook';
import { describeError, verdict, type CaseResult } from './cases';
import type { TrustSize } from './size';

export const CLIENTS = ['Acme', 'Beta'];
export const ENTRIES = ['E-1', 'E-2', 'E-3', 'E-4', 'E-5', 'E-6'];

export type Step =
  | { kind: 'top-up'; client: number; quarters: number }
  | { kind: 'adjust'; client: number; quarters: number }
  | { kind: 'authorize'; entry: number }
  | { kind: 'reverse'; entry: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('top-up' as const), client: fc.nat({ max: 1 }), quarters: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('adjust' as const), client: fc.nat({ max: 1 }), quarters: fc.integer({ min: -20, max: 20 }).filter((q) => q !== 0) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('authorize' as const), entry: fc.nat({ max: ENTRIES.length - 1 }) }) },
  fc.record({ kind: fc.constant('reverse' as const), entry: fc.nat({ max: ENTRIES.length - 1 }) }),
);

const LOG_COLUMNS = [
  'Log ID',
  'Timestamp',
  'Client',
  'Kind',
  'Hours',
  'Balance after (h)',
  'Entry ID',
  'Description',
  'By',
  'Reference',
  'Raw hours',
  'Person',
  'Work date',
  'Checksum',
];

export type Tamper =
  | { kind: 'edit'; row: number; column: number }
  | { kind: 'insert copy'; at: number; of: number }
  | { kind: 'insert forged'; at: number }
  | { kind: 'delete'; row: number };

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), row: fc.nat(), column: fc.nat({ max: LOG_COLUMNS.length - 1 }) }) },
  fc.record({ kind: fc.constant('insert copy' as const), at: fc.nat(), of: fc.nat() }),
  fc.record({ kind: fc.constant('insert forged' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), row: fc.nat() }),
);

/** Acme and Beta topped up, with six open entries of different lengths. */
export function ledgerWorkbook(): Addon {
  const addon = addonWithSheets();
  addClients(
    addon,
    CLIENTS.map((Client) => ({ Client })),
  );
  addon.server.addCredits('Acme', 20, 'Initial block');
  addon.server.addCredits('Beta', 10, 'Initial block');
  addEntries(
    addon,
    ENTRIES.map((id, i) => ({
      'Entry ID': id,
      Client: CLIENTS[i % 2],
      Hours: ['1:30', 2, '45m', 0.25, '3h', 1][i],
      Person: ['Ann', 'Bob'][i % 2],
      Description: `Task ${i + 1}`,
    })),
  );
  return addon;
}

export function play(addon: Addon, s: Step): void {
  if (s.kind === 'top-up') addon.server.addCredits(CLIENTS[s.client], s.quarters / 4, 'Top-up');
  else if (s.kind === 'adjust') addon.server.adjustCredits(CLIENTS[s.client], s.quarters / 4, 'Correction');
  else if (s.kind === 'authorize') addon.server.authorizeEntries([ENTRIES[s.entry]]);
  else addon.server.reverseEntries([ENTRIES[s.entry]], 'Mistake');
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A cell value that differs from `value` in what the checksum covers, as a person would type it. */
function changed(column: string, value: unknown, otherClient: string): unknown {
  if (column === 'Client') return otherClient;
  if (column === 'Kind') return value === 'Adjustment' ? 'Top-up' : 'Adjustment';
  if (column === 'Hours') return (value as number) - 0.25;
  if (column === 'Balance after (h)') return (value as number) + 1;
  if (column === 'Raw hours') return value === '' ? 1 : (value as number) + 0.5;
  if (column === 'Timestamp' || column === 'Work date') return new Date((value === '' ? Date.UTC(2026, 0, 1) : new Date(String(value)).getTime()) + 86_400_000);
  return `'${String(value)}x`;
}

function logSheet(addon: Addon): Sheet {
  return addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
}

/** Applies the edit; returns where the first broken row now sits (its 0-based position), or null when none should break. */
function applyTamper(addon: Addon, t: Tamper): number | null {
  const sheet = logSheet(addon);
  const n = sheet.getLastRow() - 1;
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
  if (t.kind === 'edit') {
    const row = t.row % n;
    const column = LOG_COLUMNS[t.column];
    const cell = sheet.getRange(row + 2, headers.indexOf(column) + 1);
    const client = String(sheet.getRange(row + 2, headers.indexOf('Client') + 1).getValue());
    cell.setValue(changed(column, addon.emu.snapshot()['Prepaid log'][row + 1][headers.indexOf(column)], CLIENTS.find((c) => c !== client)!) as string);
    return row;
  }
  if (t.kind === 'insert copy' || t.kind === 'insert forged') {
    const at = t.at % (n + 1);
    const values =
      t.kind === 'insert copy'
        ? sheet
            .getRange((t.of % n) + 2, 1, 1, width)
            .getValues()[0]
            .map((v) => (typeof v === 'string' && v ? `'${v}` : v))
        : headers.map(
            (h) =>
              ({
                'Log ID': 'L-FORGED',
                Timestamp: new Date(Date.UTC(2026, 0, 5, 9)),
                Client: 'Acme',
                Kind: 'Adjustment',
                Hours: 5,
                'Balance after (h)': 99,
                Description: 'Looks legitimate',
                By: 'owner@agency.test',
                Checksum: "'0badc0de",
              })[h] ?? '',
          );
    sheet.insertRowBefore(at + 2);
    sheet.getRange(at + 2, 1, 1, width).setValues([values as string[]]);
    return at;
  }
  const row = t.row % n;
  sheet.deleteRow(row + 2);
  return row < n - 1 ? row : null;
}

/** One tampered ledger: what checkLedger failed to report. */
function tamperCase(history: readonly Step[], t: Tamper): string[] {
  const addon = ledgerWorkbook();
  for (const s of history) play(addon, s);
  const clean = addon.server.checkLedger();
  if (!clean.ok) return [`the untampered ledger already has problems: ${clean.summary}`];
  const lastBefore = readRows(addon.emu.spreadsheet, 'Prepaid log').at(-1)!;
  const position = applyTamper(addon, t);
  let report: ReturnType<typeof addon.server.checkLedger>;
  try {
    report = addon.server.checkLedger();
  } catch (error) {
    return [`checkLedger failed: ${describeError(error)}`];
  }
  if (report.ok) return ['checkLedger found nothing'];
  if (position === null) {
    const noticed = report.problems.some(
      (p) => (p.code === 'balance-mismatch' && p.client === lastBefore.Client) || (p.code === 'status-mismatch' && p.entryId === lastBefore['Entry ID']),
    );
    return noticed ? [] : [`the removed last row of ${String(lastBefore.Client)} went unnoticed: ${report.summary}`];
  }
  const expected = String(readRows(addon.emu.spreadsheet, 'Prepaid log')[position]['Log ID']);
  const first = report.problems.find((p) => p.code === 'checksum');
  if (!first) return [`no checksum problem: ${report.summary}`];
  return first.logId === expected ? [] : [`the first broken row reported is ${first.logId}, but the tampered one is ${expected}`];
}

/** `size.tamperedLedgers` random histories, each tampered once. */
export function tamperCases(size: TrustSize): CaseResult[] {
  const samples = fc.sample(fc.tuple(fc.array(step, { maxLength: 8 }), tamper), { numRuns: size.tamperedLedgers, seed: size.seed });
  return samples.map(([history, t], i) =>
    verdict('tamper', 'tampered ledgers', `ledger ${i + 1}: ${JSON.stringify(t)} after ${history.length} steps`, tamperCase(history, t)),
  );
}

function authorized(): Addon {
  const addon = ledgerWorkbook();
  addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
  return addon;
}

function entryCell(addon: Addon, entryId: string, column: string): GoogleAppsScript.Spreadsheet.Range {
  const sheet = addon.emu.spreadsheet.getSheetByName('Time entries')!;
  const values = sheet.getDataRange().getValues();
  const headers = values[0].map(String);
  const row = values.findIndex((r) => r[headers.indexOf('Entry ID')] === entryId);
  return sheet.getRange(row + 1, headers.indexOf(column) + 1);
}

function creditsCell(addon: Addon, client: string): GoogleAppsScript.Spreadsheet.Range {
  const sheet = addon.emu.spreadsheet.getSheetByName('Credits')!;
  const row = sheet
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === client);
  return sheet.getRange(row + 1, 1);
}

const codes = (addon: Addon) => addon.server.checkLedger().problems.map((p) => p.code);

/** The identity damage of §3, each as a named scenario returning what broke. */
const IDENTITY: [string, () => string[]][] = [
  [
    'hours edited after authorization are flagged and not deducted again',
    () => {
      const addon = authorized();
      const before = balances(addon);
      entryCell(addon, 'E-1', 'Hours').setValue(5);
      const again = addon.server.authorizeEntries(['E-1']);
      const broken: string[] = [];
      if (!codes(addon).includes('hours-edited')) broken.push('checkLedger did not flag the edited hours');
      if (again.done.length) broken.push('E-1 was deducted again');
      if (JSON.stringify(balances(addon)) !== JSON.stringify(before)) broken.push('a balance moved');
      return broken;
    },
  ],
  [
    'an authorized row whose Entry ID was cleared is not deducted again',
    () => {
      const addon = ledgerWorkbook();
      addon.server.authorizeEntries(ENTRIES);
      const before = balances(addon);
      entryCell(addon, 'E-1', 'Entry ID').setValue('');
      addon.server.getSidebarData({});
      addon.server.authorizeTicked();
      const ids = readRows(addon.emu.spreadsheet, 'Time entries').map((r) => String(r['Entry ID']));
      addon.server.authorizeEntries(ids);
      const broken: string[] = [];
      if (JSON.stringify(balances(addon)) !== JSON.stringify(before))
        broken.push(`balances moved from ${JSON.stringify(before)} to ${JSON.stringify(balances(addon))}`);
      if (!codes(addon).includes('missing-entry-id')) broken.push('checkLedger did not name the row without an Entry ID');
      return broken;
    },
  ],
  [
    'a row copied with its Entry ID is refused as a duplicate',
    () => {
      const addon = ledgerWorkbook();
      addEntries(addon, [{ 'Entry ID': 'E-4', Client: 'Beta', Hours: 0.25, Description: 'Pasted twice' }]);
      const result = addon.server.authorizeEntries(['E-4']);
      return result.done.length || result.skipped[0]?.code !== 'duplicate-entry-id' ? [`expected a duplicate-entry-id skip, got ${result.summary}`] : [];
    },
  ],
  [
    'a client renamed in Credits is reported, and its entries are refused and not reversed',
    () => {
      const addon = authorized();
      creditsCell(addon, 'Acme').setValue('Acme NV');
      const broken: string[] = [];
      if (!codes(addon).includes('unknown-client')) broken.push('checkLedger did not report the log rows of the old name');
      if (addon.server.authorizeEntries(['E-5']).skipped[0]?.code !== 'unknown-client') broken.push('an entry of the old name was not refused');
      const reversal = addon.server.reverseEntries(['E-1'], 'Mistake');
      if (reversal.done.length) broken.push('a deduction of the old name was reversed with no Credits row to hold its balance');
      return broken;
    },
  ],
  [
    'a client deleted from Credits is reported, and its entries are refused',
    () => {
      const addon = authorized();
      addon.emu.spreadsheet.getSheetByName('Credits')!.deleteRow(creditsCell(addon, 'Beta').getRow());
      const broken: string[] = [];
      if (!codes(addon).includes('unknown-client')) broken.push('checkLedger did not report the log rows of the deleted client');
      if (addon.server.authorizeEntries(['E-4']).skipped[0]?.code !== 'unknown-client') broken.push('an entry of the deleted client was not refused');
      return broken;
    },
  ],
  [
    'an Adjustment corrects a balance and leaves the ledger consistent',
    () => {
      const addon = authorized();
      addon.server.adjustCredits('Acme', '-1:15', 'Forgot to log the kick-off call');
      const check = addon.server.checkLedger();
      return check.ok ? [] : [check.summary];
    },
  ],
];

export function identityCases(): CaseResult[] {
  return IDENTITY.map(([name, run]) => {
    try {
      return verdict('tamper', 'identity damage', name, run());
    } catch (error) {
      return verdict('tamper', 'identity damage', name, [`failed: ${describeError(error)}`]);
    }
  });
}
