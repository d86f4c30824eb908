/**
 * The ledger audit behind `checkLedger`: it compares every recorded figure with what the
 * log implies and reports each difference in words, changing nothing. It finds balances
 * that differ from the sum of the log, running balances and checksums broken by hand
 * edits, entries deducted twice, and entries whose hours changed after authorization.
 */
import { rowChecksum } from './checksum';
import { Ledger } from './ledger';
import { formatHours, parseHours } from './quantities';
import type { LogRow, TimeEntry } from './types';

export interface LedgerProblem {
  code:
    | 'balance-mismatch'
    | 'running-balance'
    | 'checksum'
    | 'double-deduction'
    | 'status-mismatch'
    | 'hours-edited'
    | 'unknown-client'
    | 'duplicate-log-id'
    | 'missing-entry-id';
  message: string;
  client?: string;
  logId?: string;
  entryId?: string;
}

export interface LedgerReport {
  ok: boolean;
  rowsChecked: number;
  problems: LedgerProblem[];
}

export interface LedgerFacts {
  log: readonly LogRow[];
  /** Balances as written in Credits, in minutes (null where the cell is not a number). */
  recordedBalances: ReadonlyMap<string, number | null>;
  entries: readonly TimeEntry[];
  durationEpochMs: number;
}

function auditLog(log: readonly LogRow[], known: ReadonlyMap<string, unknown>, problems: LedgerProblem[]): void {
  const sums = new Map<string, number>();
  const ids = new Set<string>();
  const net = new Map<string, number>();
  const reportedRunning = new Set<string>();
  let previous = '';
  let chainBroken = false;
  for (const row of log) {
    const sum = (sums.get(row.client) ?? 0) + row.minutes;
    sums.set(row.client, sum);
    if (ids.has(row.logId))
      problems.push({ code: 'duplicate-log-id', logId: row.logId, message: `Log ID ${row.logId} appears more than once in the Prepaid log.` });
    ids.add(row.logId);
    if (!known.has(row.client) && !reportedRunning.has(`client:${row.client}`)) {
      reportedRunning.add(`client:${row.client}`);
      problems.push({
        code: 'unknown-client',
        client: row.client,
        logId: row.logId,
        message: `The Prepaid log has rows for "${row.client}", which is not in Credits (renamed or deleted?). Restore the client's name in Credits.`,
      });
    }
    if (row.balanceAfterMinutes !== sum && !reportedRunning.has(row.client)) {
      reportedRunning.add(row.client);
      problems.push({
        code: 'running-balance',
        client: row.client,
        logId: row.logId,
        message: `Log row ${row.logId} says ${row.client}'s balance is ${formatHours(row.balanceAfterMinutes)} h, but the log adds up to ${formatHours(sum)} h there. A row above it was probably edited or deleted by hand.`,
      });
    }
    if (!chainBroken && rowChecksum(row, previous) !== row.checksum) {
      chainBroken = true;
      problems.push({
        code: 'checksum',
        logId: row.logId,
        client: row.client,
        message: `Log row ${row.logId || '(no Log ID)'} was edited, inserted or the row before it removed by hand: its checksum does not match. Correct mistakes with an Adjustment instead of editing the log.`,
      });
    }
    previous = row.checksum;
    if (row.entryId && (row.kind === 'Deduction' || row.kind === 'Reversal')) {
      const n = (net.get(row.entryId) ?? 0) + (row.kind === 'Deduction' ? 1 : -1);
      net.set(row.entryId, n);
      if (n > 1 || n < 0) {
        problems.push({
          code: 'double-deduction',
          entryId: row.entryId,
          logId: row.logId,
          message: `Entry ${row.entryId} is ${n > 1 ? 'deducted more than once' : 'reversed more often than deducted'} in the Prepaid log (row ${row.logId}).`,
        });
      }
    }
  }
}

function auditEntries(facts: LedgerFacts, ledger: Ledger, problems: LedgerProblem[]): void {
  for (const entry of facts.entries) {
    const saysAuthorized = entry.status.trim().toLowerCase() === 'authorized';
    if (!entry.entryId) {
      if (saysAuthorized) {
        problems.push({
          code: 'missing-entry-id',
          message: `Time entries row ${entry.row} says Authorized but has no Entry ID, so it cannot be matched to its deduction. Copy its Entry ID back from the Deduction row in the Prepaid log (same date, person and description).`,
        });
      }
      continue;
    }
    const deduction = ledger.deductionOf(entry.entryId);
    if (saysAuthorized !== Boolean(deduction)) {
      problems.push({
        code: 'status-mismatch',
        entryId: entry.entryId,
        message: `Entry ${entry.entryId} says "${entry.status || 'Open'}" but the log says it is ${deduction ? 'deducted' : 'not deducted'}. The next authorization or reversal repairs the status.`,
      });
    }
    if (!deduction) continue;
    const hours = parseHours(entry.hours, facts.durationEpochMs);
    if (!hours.ok || hours.value !== deduction.rawMinutes) {
      problems.push({
        code: 'hours-edited',
        entryId: entry.entryId,
        client: deduction.client,
        message: `Entry ${entry.entryId}'s hours were changed after it was authorized (deducted ${formatHours(deduction.rawMinutes ?? 0)} h). It was not deducted again: reverse it and authorize it again to deduct the new hours.`,
      });
    }
  }
}

export function auditLedger(facts: LedgerFacts): LedgerReport {
  const problems: LedgerProblem[] = [];
  auditLog(facts.log, facts.recordedBalances, problems);
  const ledger = new Ledger(facts.log);
  for (const [client, recorded] of facts.recordedBalances) {
    const sum = ledger.balance(client);
    if (recorded !== sum) {
      problems.push({
        code: 'balance-mismatch',
        client,
        message: `${client}'s Balance (h) in Credits is ${recorded === null ? 'not a number' : `${formatHours(recorded)} h`}, but its log adds up to ${formatHours(sum)} h. The next change to ${client}'s credits rewrites it from the log.`,
      });
    }
  }
  auditEntries(facts, ledger, problems);
  return { ok: problems.length === 0, rowsChecked: facts.log.length, problems };
}
