/**
 * §3 What every operation must do on a hostile workbook: succeed, or return reasons, or
 * throw an Error a person can act on — never a JavaScript error. A call that throws
 * changes nothing (missing Entry IDs aside: the add-on names rows the first time it reads
 * them for an action). A call that succeeds changes only what it is for: each operation
 * declares the cells, rows and sheets it may touch, and everything else must be as it
 * was. No promise the workbook still kept may be broken by the call (no entry deducted
 * twice, no crossing invoiced twice…), no new problem may appear in checkLedger, and a
 * client whose log grew has a Balance (h) equal to its log: no half-written batch.
 */
import fc from 'fast-check';
import type { Addon } from '../addon';
import { describeError, unreadableError, verdict, type CaseResult } from './cases';
import { buildHostileWorkbook, describeDamages, hostileWorkbook, type Damage } from './hostile-workbooks';
import type { TrustSize } from './size';
import { diffWorkbooks, headerKeys, type CellChange, type Grid, type WorkbookDiff } from './workbook-diff';
import { invariantBreaks, stateDifferences, workbookState } from './workbook-state';

/** What an operation may change in the agency workbook, beyond filling in missing Entry IDs. */
interface Allowed {
  /** Status, Authorized by and Authorized at of Time entries (made to agree with the log), and Reason (why a row was skipped). */
  statuses?: boolean;
  /** Select boxes cleared. */
  untick?: boolean;
  /** Rows it may append to Time entries. */
  newEntries?: number;
  /** Log rows appended (never an existing one changed). */
  log?: boolean;
  /** Credits columns it may write, and for which client ('' for any). */
  credits?: { columns: string[]; client: string };
  /** Invoices: rows appended, and the progress columns of existing ones. */
  invoices?: boolean;
  /** setUpSheets: sheets and header cells created, columns added (empty, or unticked boxes). */
  setUp?: boolean;
  /** archiveBefore: authorized entries and old log rows moved out, balances kept. */
  archive?: boolean;
}

export interface HostileOperation {
  name: string;
  call(addon: Addon): unknown;
  allowed: Allowed;
}

const LEDGER: Allowed = { statuses: true, log: true, credits: { columns: ['balance (h)', 'last invoice'], client: '' }, invoices: true };

function column(addon: Addon, sheet: string, header: string): string[] {
  const values = addon.emu.snapshot()[sheet];
  if (!values?.length) return [];
  const at = headerKeys(values[0]).indexOf(header);
  return at < 0
    ? []
    : values
        .slice(1)
        .map((r) => String(r[at] ?? '').trim())
        .filter(Boolean);
}

export const HOSTILE_OPERATIONS: HostileOperation[] = [
  { name: 'authorizeEntries', call: (a) => a.server.authorizeEntries([...column(a, 'Time entries', 'entry id'), '', 'E-NOPE']), allowed: LEDGER },
  { name: 'authorizeTicked', call: (a) => a.server.authorizeTicked(), allowed: { ...LEDGER, untick: true } },
  { name: 'reverseEntries', call: (a) => a.server.reverseEntries([...column(a, 'Time entries', 'entry id'), 'E-NOPE'], 'Hostile test'), allowed: LEDGER },
  { name: 'addCredits', call: (a) => a.server.addCredits('Acme', 1, 'Top-up', 'req-hostile-add'), allowed: LEDGER },
  { name: 'adjustCredits', call: (a) => a.server.adjustCredits('Beta', -1, 'Correction', 'req-hostile-adjust'), allowed: LEDGER },
  { name: 'runAutomaticInvoicing', call: (a) => a.server.runAutomaticInvoicing(), allowed: LEDGER },
  { name: 'markInvoicePaid', call: (a) => a.server.markInvoicePaid(column(a, 'Invoices', 'invoice no')[0] ?? 'INV-2026-0001'), allowed: LEDGER },
  { name: 'exportPrepaidLog', call: (a) => a.server.exportPrepaidLog('Acme', { csv: true }), allowed: {} },
  { name: 'shareClientLog', call: (a) => a.server.shareClientLog('Beta', 'finance@beta.test'), allowed: {} },
  {
    name: 'saveClientSettings',
    call: (a) => a.server.saveClientSettings('Acme', { minimumHours: '6', topUpHours: 10, autoInvoice: false }),
    allowed: { credits: { columns: ['minimum balance (h)', 'top-up (h)', 'auto-invoice'], client: 'Acme' } },
  },
  {
    name: 'logTime',
    call: (a) => a.server.logTime({ date: '2026-01-06', client: 'Acme', person: 'Ann', description: 'Call', hours: '0:45' }),
    allowed: { newEntries: 1 },
  },
  { name: 'getSidebarData', call: (a) => a.server.getSidebarData({}), allowed: {} },
  { name: 'checkLedger', call: (a) => a.server.checkLedger(), allowed: {} },
  { name: 'archiveBefore', call: (a) => a.server.archiveBefore('2026-01-06'), allowed: { ...LEDGER, archive: true } },
  { name: 'setUpSheets', call: (a) => a.server.setUpSheets(), allowed: { setUp: true } },
];

const STATUS_COLUMNS = ['status', 'authorized by', 'authorized at', 'reason'];
const INVOICE_PROGRESS = ['status', 'document', 'pdf', 'doc id', 'pdf id', 'emailed', 'crossing', 'log through'];
const blank = (v: unknown) => String(v ?? '').trim() === '';

/** A number shown as a date or a date as a number: the cell's format changed, not its value. */
const ISO = /^[+-]?\d{4,6}-\d\d-\d\dT/;
const reformatted = (before: unknown, after: unknown) =>
  (typeof before === 'number' && ISO.test(String(after))) || (typeof after === 'number' && ISO.test(String(before)));

function cellAllowed(change: CellChange, allowed: Allowed): boolean {
  const { sheet, column: col, before, after } = change;
  if (allowed.setUp && reformatted(before, after)) return true;
  if (sheet === 'Time entries') {
    if (col === 'entry id' && blank(before) && /^E-/.test(String(after))) return true;
    if (STATUS_COLUMNS.includes(col)) return Boolean(allowed.statuses);
    if (col === 'select') return Boolean(allowed.untick) && before === true && after === false;
    return false;
  }
  if (sheet === 'Credits' && allowed.credits) {
    const client = String(change.rowBefore.client ?? '').trim();
    return allowed.credits.columns.includes(col) && (!allowed.credits.client || client === allowed.credits.client);
  }
  if (sheet === 'Invoices') return Boolean(allowed.invoices) && INVOICE_PROGRESS.includes(col);
  return false;
}

/** Balances per client summed from the log's Hours, for the archive's "balances kept". */
function logSums(grid: Grid): Map<string, number> {
  const sums = new Map<string, number>();
  const values = grid['Prepaid log'];
  if (!values?.length) return sums;
  const keys = headerKeys(values[0]);
  const client = keys.indexOf('client');
  const hours = keys.indexOf('hours');
  for (const r of values.slice(1))
    if (typeof r[hours] === 'number') sums.set(String(r[client]), (sums.get(String(r[client])) ?? 0) + Math.round((r[hours] as number) * 60));
  return sums;
}

/** What the diff shows beyond what the operation may change. */
function unintended(diff: WorkbookDiff, allowed: Allowed, before: Grid, after: Grid): string[] {
  const out: string[] = [];
  for (const s of diff.sheetsRemoved) out.push(`deleted the sheet ${s}`);
  for (const s of diff.sheetsAdded) if (!allowed.setUp) out.push(`added the sheet ${s}`);
  // A column without a header is not one the add-on can name: setUpSheets may give it one, and
  // archiving moves rows by their named columns (a known limit, see docs/trust.md).
  for (const h of diff.headersRemoved)
    if (!((allowed.setUp || allowed.archive) && h.column.startsWith('(no header)'))) out.push(`removed the header ${h.sheet}!${h.column}`);
  for (const h of diff.headersAdded) {
    if (!allowed.setUp) out.push(`added the column ${h.sheet}!${h.column}`);
    else if (h.values.some((v) => !blank(v) && v !== false)) out.push(`filled the new column ${h.sheet}!${h.column} in existing rows`);
  }
  // The hidden Prepaid seal is the log's sealed copy: it may change where the log may.
  const archived = (sheet: string) => allowed.archive && (sheet === 'Time entries' || sheet === 'Prepaid log' || sheet === 'Prepaid seal');
  for (const c of diff.cells) {
    if (archived(c.sheet) || cellAllowed(c, allowed)) continue;
    out.push(`changed ${c.sheet} row ${c.row + 2} ${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  }
  for (const { sheet, rows } of diff.rowsAppended) {
    const ok =
      archived(sheet) ||
      ((sheet === 'Prepaid log' || sheet === 'Prepaid seal') && allowed.log) ||
      (sheet === 'Invoices' && allowed.invoices) ||
      (sheet === 'Time entries' && rows.length <= (allowed.newEntries ?? 0));
    if (!ok) out.push(`appended ${rows.length} row(s) to ${sheet}`);
  }
  for (const { sheet, rows } of diff.rowsRemoved) if (!archived(sheet)) out.push(`removed ${rows.length} row(s) from ${sheet}`);
  if (allowed.archive && JSON.stringify([...logSums(before)].sort()) !== JSON.stringify([...logSums(after)].sort())) out.push('archiving changed a balance');
  return out;
}

/** For each client whose log grew in this call: its Balance (h) in Credits equals its log. */
function halfWritten(before: Grid, after: Grid): string[] {
  const grown = new Set<string>();
  const was = logSums(before);
  const is = logSums(after);
  for (const [client, sum] of is) if (was.get(client) !== sum) grown.add(client);
  const credits = after.Credits;
  if (!credits?.length) return [];
  const keys = headerKeys(credits[0]);
  const name = keys.indexOf('client');
  const balance = keys.indexOf('balance (h)');
  if (name < 0 || balance < 0) return [];
  const names = credits.slice(1).map((r) => String(r[name]).trim());
  return credits
    .slice(1)
    .filter((r) => grown.has(String(r[name]).trim()) && names.filter((n) => n === String(r[name]).trim()).length === 1)
    .filter((r) => typeof r[balance] !== 'number' || Math.round((r[balance] as number) * 60) !== is.get(String(r[name]).trim()))
    .map((r) => `${String(r[name])}'s log grew but its Balance (h) says ${JSON.stringify(r[balance])}, not ${(is.get(String(r[name]).trim()) ?? 0) / 60}`);
}

/** checkLedger's problems as keys, or null when it cannot read the workbook (then nothing can be compared). */
function problemKeys(addon: Addon): Set<string> | null {
  try {
    // checkLedger names only the first row the chain breaks at, so a checksum problem is one
    // problem wherever it is: set-up restoring a column's format can mend the first and show the next.
    return new Set(addon.server.checkLedger().problems.map((p) => (p.code === 'checksum' ? 'checksum' : `${p.code}:${p.client ?? ''}:${p.entryId ?? ''}`)));
  } catch {
    return null;
  }
}

/** Runs one operation on the workbook as it stands and returns what it broke. */
export function checkOperation(addon: Addon, op: HostileOperation): string[] {
  const before = addon.emu.snapshot();
  const stateBefore = workbookState(addon);
  const breaksBefore = new Set(invariantBreaks(addon));
  const problemsBefore = problemKeys(addon);
  const broken: string[] = [];
  let threw: unknown = null;
  try {
    op.call(addon);
  } catch (error) {
    threw = error;
    const why = unreadableError(error);
    if (why) broken.push(why);
  }
  const after = addon.emu.snapshot();
  const diff = diffWorkbooks(before, after);
  if (threw) {
    const changed = unintended(diff, {}, before, after);
    const elsewhere = stateDifferences(stateBefore, workbookState(addon)).filter((d) => /^(drive|mail|documentProperties)/.test(d));
    for (const c of [...changed, ...elsewhere]) broken.push(`threw (${describeError(threw)}) after writing: ${c}`);
  } else {
    broken.push(...unintended(diff, op.allowed, before, after), ...(op.allowed.log ? halfWritten(before, after) : []));
  }
  for (const b of invariantBreaks(addon)) if (!breaksBefore.has(b)) broken.push(`broke a promise: ${b}`);
  const problemsAfter = problemKeys(addon);
  if (problemsBefore && problemsAfter) for (const p of problemsAfter) if (!problemsBefore.has(p)) broken.push(`checkLedger has a new problem: ${p}`);
  return broken.map((b) => `${op.name} ${b}`);
}

/** Runs every operation, in the given order, on one hostile workbook; returns what broke. */
export function checkHostileWorkbook(damages: readonly Damage[], order: readonly number[]): string[] {
  const addon = buildHostileWorkbook(damages);
  return order.flatMap((i) => checkOperation(addon, HOSTILE_OPERATIONS[i]));
}

/** `size.hostileWorkbooks` generated workbooks, each case one workbook with every operation run on it in a random order. */
export function hostileCases(size: TrustSize): CaseResult[] {
  const indexes = HOSTILE_OPERATIONS.map((_, i) => i);
  const samples = fc.sample(fc.tuple(hostileWorkbook, fc.shuffledSubarray(indexes, { minLength: indexes.length })), {
    numRuns: size.hostileWorkbooks,
    seed: size.seed,
  });
  return samples.map(([damages, order], n) => {
    const name = `workbook ${n + 1}: ${describeDamages(damages)}; operations ${order.map((i) => HOSTILE_OPERATIONS[i].name).join(' → ')}`;
    try {
      return verdict('hostile workbook', 'generated workbooks', name, checkHostileWorkbook(damages, order));
    } catch (error) {
      return verdict('hostile workbook', 'generated workbooks', name, [`the check itself failed: ${describeError(error)}`]);
    }
  });
}
