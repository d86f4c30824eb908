/**
 * The prepaid ledger: balances are the sum of the log, and an entry is deducted at most
 * once. New rows are appended through {@link Ledger.append}, which computes the running
 * balance in integer minutes and chains the checksum. {@link verifyAppend} checks the
 * invariants of a batch before anything is written, and refuses the batch whole.
 */
import { rowChecksum } from './checksum';
import { CodedError } from './result';
import type { LogDraft, LogRow } from './types';

export class Ledger {
  private readonly balances = new Map<string, number>();
  /** Deductions minus reversals per Entry ID: 1 when the entry is currently deducted. */
  private readonly net = new Map<string, number>();
  private readonly lastDeduction = new Map<string, LogRow>();
  private lastChecksum = '';
  readonly appended: LogRow[] = [];

  constructor(readonly rows: readonly LogRow[]) {
    for (const row of rows) this.apply(row);
  }

  private apply(row: LogRow): void {
    this.balances.set(row.client, this.balance(row.client) + row.minutes);
    if (row.entryId && (row.kind === 'Deduction' || row.kind === 'Reversal')) {
      this.net.set(row.entryId, this.netDeductions(row.entryId) + (row.kind === 'Deduction' ? 1 : -1));
      if (row.kind === 'Deduction') this.lastDeduction.set(row.entryId, row);
    }
    this.lastChecksum = row.checksum;
  }

  /** The client's balance in minutes: the sum of its log rows. */
  balance(client: string): number {
    return this.balances.get(client) ?? 0;
  }

  clients(): string[] {
    return [...this.balances.keys()];
  }

  netDeductions(entryId: string): number {
    return this.net.get(entryId) ?? 0;
  }

  isDeducted(entryId: string): boolean {
    return this.netDeductions(entryId) > 0;
  }

  /** The Deduction row currently standing for an entry, if it is deducted. */
  deductionOf(entryId: string): LogRow | undefined {
    return this.isDeducted(entryId) ? this.lastDeduction.get(entryId) : undefined;
  }

  /** Appends a row: its balance is the client's running sum, its checksum chains to the last row. */
  append(draft: LogDraft): LogRow {
    const balanceAfterMinutes = this.balance(draft.client) + draft.minutes;
    const unsealed = { ...draft, balanceAfterMinutes };
    const row: LogRow = { ...unsealed, checksum: rowChecksum(unsealed, this.lastChecksum) };
    this.apply(row);
    this.appended.push(row);
    return row;
  }
}

/** A batch that would break the ledger's invariants (code `ledger-invariant`); nothing was written. */
export class LedgerInvariantError extends CodedError {
  constructor(message: string) {
    super('ledger-invariant', `${message} Nothing was written. Run "Check ledger" from the Prepaid Time menu to see what is wrong.`);
    this.name = 'LedgerInvariantError';
  }
}

/**
 * Checks a batch before it is written: every appended row's balance equals the sum of
 * the client's log up to it, no entry is deducted more than once or reversed more often
 * than deducted, and Log IDs are unique. Throws {@link LedgerInvariantError} otherwise.
 */
export function verifyAppend(existing: readonly LogRow[], appended: readonly LogRow[]): void {
  const sums = new Map<string, number>();
  const net = new Map<string, number>();
  const ids = new Set<string>();
  const all = [...existing, ...appended];
  all.forEach((row, index) => {
    const sum = (sums.get(row.client) ?? 0) + row.minutes;
    sums.set(row.client, sum);
    if (!Number.isInteger(row.minutes)) throw new LedgerInvariantError(`Log row ${row.logId} has a fractional number of minutes.`);
    if (row.entryId && (row.kind === 'Deduction' || row.kind === 'Reversal')) {
      const n = (net.get(row.entryId) ?? 0) + (row.kind === 'Deduction' ? 1 : -1);
      net.set(row.entryId, n);
      if (index >= existing.length && (n > 1 || n < 0)) {
        throw new LedgerInvariantError(`Entry ${row.entryId} would be ${n > 1 ? 'deducted twice' : 'reversed without a deduction'}.`);
      }
    }
    if (index >= existing.length) {
      if (ids.has(row.logId)) throw new LedgerInvariantError(`Log ID ${row.logId} would appear twice.`);
      if (row.balanceAfterMinutes !== sum) {
        throw new LedgerInvariantError(`The balance after log row ${row.logId} would not equal the sum of ${row.client}'s log.`);
      }
    }
    ids.add(row.logId);
  });
}
