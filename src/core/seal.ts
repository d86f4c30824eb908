/**
 * Whether the prepaid log is still the one the add-on sealed, and the two ways back when
 * it is not. The add-on never builds on a row its checksum chain does not vouch for:
 * {@link findBreak} finds the first such row (over the whole log today, or over a tail
 * after a known checksum), {@link diagnoseBreak} says what happened to it by comparing the
 * log with the sealed copy the add-on keeps, and an authorizer either restores the sealed
 * row ({@link LedgerDiagnosis.restored}) or accepts the log as it now stands
 * ({@link planAcceptance}), which re-seals the chain and records who accepted what, why,
 * and how the balances moved.
 */
import { rowChecksum } from './checksum';
import { Ledger, LedgerInvariantError, verifyAppend } from './ledger';
import { formatHours } from './quantities';
import { ok, type Refusal, type Result, refuse } from './result';
import type { LogRow } from './types';

/** The last row the add-on sealed, as its sealed copy records it. */
export interface SealMark {
  logId: string;
  checksum: string;
  at: number;
}

export type BreakKind = 'edited' | 'inserted' | 'removed' | 'moved' | 'unknown';

/** One field of a hand-edited row: what the add-on sealed and what the sheet says now. */
export interface FieldChange {
  field: string;
  was: string;
  now: string;
}

/** The first row the chain does not vouch for, JSON-safe, for refusals and the sidebar. */
export interface LedgerBreak {
  /** What `acceptLedgerEdit` and `restoreLedgerRow` take: the row's Log ID, or "row N" when it has none. */
  ref: string;
  kind: BreakKind;
  client: string;
  /** The Prepaid log sheet row where the chain breaks (for a removed row, the row that followed it). */
  sheetRow: number;
  /** What changed, field by field, when the sealed values are known. */
  changes: FieldChange[];
  /** Whether Restore can put the log back as it was sealed. */
  restorable: boolean;
  /** What happened and what to do, in one paragraph. */
  message: string;
}

export interface LedgerDiagnosis {
  break: LedgerBreak;
  /** The whole log with this one row put back as sealed (null when the sealed values are unknown). */
  restored: LogRow[] | null;
}

function chains(row: LogRow, previous: string): boolean {
  return rowChecksum(row, previous) === row.checksum;
}

/** Whether a log row is the sealed row, or says where it went: a Re-seal row accepting its removal, or an Opening balance row of a later archive. */
function accountsFor(row: LogRow, mark: SealMark): boolean {
  return row.logId === mark.logId || (row.kind === 'Re-seal' && row.reference === mark.logId) || (row.kind === 'Opening balance' && row.at > mark.at);
}

/**
 * The index of the first row the add-on must not build on, or null when the chain vouches
 * for every row. `rows` follow a row whose checksum is `previous` ('' from the start), so
 * the check can run over the tail after the last verified row. A chain that holds can
 * still have lost its last rows: when `lastSealed` (the last row the add-on sealed) is no
 * longer in the log, the break is at the end.
 */
export function findBreak(rows: readonly LogRow[], lastSealed: SealMark | null, previous = ''): number | null {
  let checksum = previous;
  for (let i = 0; i < rows.length; i++) {
    if (!chains(rows[i], checksum)) return i;
    checksum = rows[i].checksum;
  }
  if (lastSealed && !rows.some((r) => accountsFor(r, lastSealed))) return rows.length;
  return null;
}

/**
 * The rows as the add-on sealed them: the sealed copy as far as its own chain holds, then
 * the log's rows that chain on from there (a run stopped between writing the log and its
 * copy leaves the copy behind).
 */
export function sealedSequence(copy: readonly LogRow[], log: readonly LogRow[]): LogRow[] {
  const out = believedCopy(copy);
  let previous = out.length ? out[out.length - 1].checksum : '';
  let at = out.length === 0 ? 0 : log.findIndex((r) => r.logId === out[out.length - 1].logId && r.checksum === previous) + 1;
  if (out.length > 0 && at === 0) return out;
  for (; at < log.length && chains(log[at], previous); at++) {
    out.push(log[at]);
    previous = log[at].checksum;
  }
  return out;
}

/** The sealed copy as far as its own chain holds. */
function believedCopy(copy: readonly LogRow[]): LogRow[] {
  const out: LogRow[] = [];
  let previous = '';
  for (const row of copy) {
    if (!chains(row, previous)) break;
    out.push(row);
    previous = row.checksum;
  }
  return out;
}

function day(time: number | null): string {
  return time === null ? '' : new Date(time).toISOString().slice(0, 10);
}

const FIELDS: [string, (r: LogRow) => string][] = [
  ['Log ID', (r) => r.logId],
  ['Timestamp', (r) => new Date(Math.floor(r.at / 1000) * 1000).toISOString().replace('.000Z', 'Z')],
  ['Client', (r) => r.client],
  ['Kind', (r) => r.kind],
  ['Hours', (r) => formatHours(r.minutes)],
  ['Balance after (h)', (r) => formatHours(r.balanceAfterMinutes)],
  ['Entry ID', (r) => r.entryId],
  ['Description', (r) => r.description],
  ['By', (r) => r.by],
  ['Reference', (r) => r.reference],
  ['Raw hours', (r) => (r.rawMinutes === null ? '' : formatHours(r.rawMinutes))],
  ['Person', (r) => r.person],
  ['Work date', (r) => day(r.workDate)],
  ['Checksum', (r) => r.checksum],
];

/** The fields of a row that differ from its sealed values. */
export function fieldChanges(sealed: LogRow, now: LogRow): FieldChange[] {
  return FIELDS.map(([field, show]) => ({ field, was: show(sealed), now: show(now) })).filter((c) => c.was !== c.now);
}

/** "Hours was -1.00, now 100.00; Client was Acme, now Beta". */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.field} was ${c.was === '' ? '(empty)' : c.was}, now ${c.now === '' ? '(empty)' : c.now}`).join('; ');
}

function describeRow(r: LogRow): string {
  return `${r.kind} of ${formatHours(r.minutes)} h for ${r.client || '(no client)'}`;
}

const PAUSED = 'Nothing was built on it: authorizing, reversing, top-ups, adjustments, invoicing and archiving are paused until it is resolved.';

function whatToDo(restorable: boolean): string {
  return restorable
    ? 'An authorizer can Restore the row as it was sealed, or accept the log as it now stands with a reason (sidebar, Ledger notice).'
    : 'Its sealed values are not known, so it cannot be restored: undo the edit (Edit > Undo or File > Version history), or an authorizer accepts the log as it now stands with a reason (sidebar, Ledger notice).';
}

/**
 * Says what happened at the break (index `index` of `log`, as {@link findBreak} found
 * it) by comparing the log with the sealed sequence, and plans its restoration.
 * `sheetRow(i)` is the sheet row of log row i (one past the last row for i = length).
 */
export function diagnoseBreak(log: readonly LogRow[], index: number, copy: readonly LogRow[], sheetRow: (i: number) => number): LedgerDiagnosis {
  const sealedRows = sealedSequence(copy, log);
  const current = log[index] as LogRow | undefined;
  const sealed = sealedRows[index] as LogRow | undefined;
  const row = sheetRow(index);
  const later = (id: string) => log.findIndex((r, i) => i > index && r.logId === id);
  const result = (kind: BreakKind, subject: LogRow, text: string, restored: LogRow[] | null, changes: FieldChange[] = []): LedgerDiagnosis => ({
    break: {
      ref: subject.logId || `row ${row}`,
      kind,
      client: subject.client,
      sheetRow: row,
      changes,
      restorable: restored !== null,
      message: `${text} ${PAUSED} ${whatToDo(restored !== null)}`,
    },
    restored,
  });
  const without = (i: number) => log.filter((_, j) => j !== i);
  const name = (r: LogRow) => `Log row ${r.logId || '(no Log ID)'}`;

  if (!current) {
    if (!sealed) throw new Error('diagnoseBreak needs the index of a break.');
    return result('removed', sealed, `${name(sealed)} (${describeRow(sealed)}) was removed by hand from the end of the Prepaid log.`, [...log, sealed]);
  }
  const copied = log.findIndex((r) => r.logId === current.logId) < index;
  if (!sealed || copied) {
    const next = log[index + 1];
    const before = index === 0 ? '' : log[index - 1].checksum;
    // A last row past the copy's end: added by hand, unless the copy lagged (a stopped run) and it is the add-on's own row edited.
    const added = next ? chains(next, before) : believedCopy(copy).length >= index;
    if (copied || added) {
      return result(
        'inserted',
        current,
        `${name(current)} on sheet row ${row} (${describeRow(current)}) was added by hand: the add-on did not write it.`,
        without(index),
      );
    }
    const edited = next !== undefined && chains(next, current.checksum);
    const how = edited ? 'was edited by hand' : 'was edited or inserted by hand, or the row before it removed';
    return result(edited ? 'edited' : 'unknown', current, `${name(current)} on sheet row ${row} ${how}.`, null);
  }
  if (current.logId === sealed.logId) {
    const changes = fieldChanges(sealed, current);
    const what = changes.some((c) => c.field !== 'Checksum') ? describeChanges(changes.filter((c) => c.field !== 'Checksum')) : 'its checksum was changed';
    const restored = [...log];
    restored[index] = sealed;
    return result('edited', current, `${name(current)} on sheet row ${row} was edited by hand: ${what}.`, restored, changes);
  }
  if (!sealedRows.slice(index).some((r) => r.logId === current.logId)) {
    return result(
      'inserted',
      current,
      `${name(current)} on sheet row ${row} (${describeRow(current)}) was added by hand: the add-on did not write it.`,
      without(index),
    );
  }
  const moved = later(sealed.logId);
  if (moved < 0) {
    const restored = [...log.slice(0, index), sealed, ...log.slice(index)];
    return result('removed', sealed, `${name(sealed)} (${describeRow(sealed)}) was removed by hand from above sheet row ${row}.`, restored);
  }
  const restored = without(moved);
  restored.splice(index, 0, sealed);
  return result(
    'moved',
    sealed,
    `${name(sealed)} (${describeRow(sealed)}) was moved by hand: it belongs on sheet row ${row}, above ${name(current)}.`,
    restored,
  );
}

/** Each client's balance: the sum of its rows. */
export function balancesOf(rows: readonly LogRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.client, (sums.get(r.client) ?? 0) + r.minutes);
  return sums;
}

export interface AcceptanceInput {
  log: readonly LogRow[];
  index: number;
  diagnosis: LedgerDiagnosis;
  reason: string;
  user: string;
  now: number;
  newLogId: () => string;
  /** The clients in Credits: an accepted log may not name another. */
  knownClients: ReadonlySet<string>;
  /** Balances the chain vouched for, used when the sealed values of the row are not known. */
  recordedBalances: ReadonlyMap<string, number | null>;
}

/** What the Re-seal row says was accepted. */
const HAND: Record<BreakKind, string> = {
  edited: 'a hand edit',
  inserted: 'a hand insertion',
  removed: 'a hand removal',
  moved: 'a hand move',
  unknown: 'a hand edit',
};

/** The log as accepted and its Re-seal rows, or why it cannot be accepted (`unknown-client`, `ledger-invariant`). */
export type AcceptancePlan = Result<{ log: LogRow[]; resealRows: LogRow[] }, Refusal<'unknown-client' | 'ledger-invariant'>>;

/**
 * Accepts the log as it now stands from the break on: the rows from the break are sealed
 * again (running balances recomputed, checksums chained; a row without a Log ID gets one),
 * and one zero-minute `Re-seal` row per client whose balance moved (or one for the row's
 * client when none did) records the row, who accepted it, the reason and the balance
 * before and after. The result keeps every invariant, or the plan is refused whole.
 */
export function planAcceptance(input: AcceptanceInput): AcceptancePlan {
  const { log, index, diagnosis } = input;
  const brk = diagnosis.break;
  const ledger = new Ledger(log.slice(0, index));
  for (const { balanceAfterMinutes: _balance, checksum: _checksum, ...row } of log.slice(index)) {
    ledger.append({ ...row, logId: row.logId || input.newLogId() });
  }
  const stranger = log.slice(index).find((r) => !input.knownClients.has(r.client));
  if (stranger) {
    return refuse(
      'unknown-client',
      `Log row ${stranger.logId || '(no Log ID)'} names the client "${stranger.client}", which is not in Credits. Add the client to Credits or correct the row first${brk.restorable ? ', or Restore the row' : ''}.`,
    );
  }
  const before = diagnosis.restored ? balancesOf(diagnosis.restored) : null;
  const after = balancesOf(ledger.rows.concat(ledger.appended));
  const clients = [...new Set([...after.keys(), ...(before?.keys() ?? [])])];
  const beforeOf = (client: string) => (before ? (before.get(client) ?? 0) : (input.recordedBalances.get(client) ?? after.get(client) ?? 0));
  const moved = clients.filter((c) => beforeOf(c) !== (after.get(c) ?? 0) && input.knownClients.has(c));
  // No balance moved (a description edited, rows swapped): one Re-seal row still records it, for the row's client.
  const recorded = moved.length ? moved : [[brk.client, ...log.map((r) => r.client)].find((c) => input.knownClients.has(c)) ?? brk.client];
  const edit = brk.changes.filter((c) => c.field !== 'Checksum');
  const what = `${HAND[brk.kind]} of log row ${brk.ref}${edit.length ? ` (${describeChanges(edit)})` : ''}`;
  const resealRows = recorded.map((client) =>
    ledger.append({
      logId: input.newLogId(),
      at: input.now,
      client,
      kind: 'Re-seal',
      minutes: 0,
      entryId: '',
      description: `${input.user} accepted ${what}: ${input.reason}. ${client}'s balance ${formatHours(beforeOf(client))} h before, ${formatHours(after.get(client) ?? 0)} h after.`,
      by: input.user,
      reference: brk.ref,
      rawMinutes: null,
      person: '',
      workDate: null,
    }),
  );
  const next = [...log.slice(0, index), ...ledger.appended];
  try {
    verifyAppend([], next);
  } catch (error) {
    if (!(error instanceof LedgerInvariantError)) throw error;
    return refuse(
      'ledger-invariant',
      `The log cannot be accepted as it stands: ${error.message.split(' Nothing was written.')[0]} ${brk.restorable ? 'Restore the row instead, or correct' : 'Correct'} the log by hand first. Nothing was written.`,
    );
  }
  return ok({ log: next, resealRows });
}
