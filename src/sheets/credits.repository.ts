/**
 * The `Credits` sheet: one row per client with its billing settings and the balance the
 * add-on writes from the log. Reading parses each row into a {@link Client} and reports
 * rows it cannot use; `Balance (h)` is always rewritten from the ledger, never typed.
 */
import type { Ledger } from '../core/ledger';
import { hoursToMinutes, minutesToHours, parseMoney } from '../core/quantities';
import { isRoundingMinutes } from '../core/rounding';
import type { Client } from '../core/types';
import { ok, type Refusal, type Result, refuse } from '../core/result';
import { cellString } from './cell-text';
import { CREDITS } from './schema';
import { SheetTable, type CellUpdate } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ClientRow {
  index: number;
  client: Client;
}

function truthy(value: unknown): boolean {
  return value === true || /^(true|yes|y|on|1|x)$/i.test(cellString(value));
}

function nonNegativeMinutes(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? hoursToMinutes(value) : 0;
}

export class CreditsRepository {
  /** Clients by exact (trimmed) name; names that occur twice are left out and listed in `duplicates`. */
  readonly clients = new Map<string, Client>();
  readonly rowsByClient = new Map<string, ClientRow>();
  readonly duplicates: string[] = [];
  /** Balance (h) as written, in minutes; null where the cell is not a number. */
  readonly recordedBalances = new Map<string, number | null>();

  private constructor(readonly table: SheetTable) {
    const seen = new Set<string>();
    for (const index of table.nonBlankIndexes()) {
      const name = cellString(table.get(index, 'Client'));
      if (!name) continue;
      if (seen.has(name)) {
        this.duplicates.push(name);
        this.clients.delete(name);
        this.rowsByClient.delete(name);
        continue;
      }
      seen.add(name);
      const balance = table.get(index, 'Balance (h)');
      this.recordedBalances.set(name, balance === '' ? 0 : typeof balance === 'number' ? hoursToMinutes(balance) : null);
      const client = CreditsRepository.parse(table, index, name);
      this.clients.set(name, client);
      this.rowsByClient.set(name, { index, client });
    }
  }

  static read(spreadsheet: Spreadsheet): CreditsRepository {
    return new CreditsRepository(SheetTable.read(spreadsheet, CREDITS));
  }

  private static parse(table: SheetTable, index: number, name: string): Client {
    const rate = parseMoney(table.get(index, 'Hourly rate'));
    const rounding = table.get(index, 'Rounding (min)');
    return {
      name,
      type: /^contact$/i.test(cellString(table.get(index, 'Type'))) ? 'Contact' : 'Company',
      billingEmail: cellString(table.get(index, 'Billing email')),
      rateCents: rate.ok && rate.value > 0 ? rate.value : null,
      currency: cellString(table.get(index, 'Currency')).toUpperCase(),
      minimumMinutes: nonNegativeMinutes(table.get(index, 'Minimum balance (h)')),
      topUpMinutes: nonNegativeMinutes(table.get(index, 'Top-up (h)')),
      autoInvoice: truthy(table.get(index, 'Auto-invoice')),
      roundingMinutes: rounding !== '' && isRoundingMinutes(rounding) ? rounding : null,
      lastInvoice: cellString(table.get(index, 'Last invoice')),
    };
  }

  /** The client by exact name, or a sentence saying why it cannot be used. */
  find(name: string): Result<Client, Refusal<'unknown-client' | 'duplicate-client'>> {
    const key = cellString(name);
    const client = this.clients.get(key);
    if (client) return ok(client);
    if (this.duplicates.includes(key)) return refuse('duplicate-client', `"${key}" appears more than once in Credits. Keep one row per client.`);
    return refuse('unknown-client', `There is no client "${key}" in Credits. Check the spelling or add the client to Credits first.`);
  }

  /** Every client name in Credits, those that occur twice included. */
  names(): string[] {
    return [...this.clients.keys(), ...this.duplicates];
  }

  /** Appends one client row (header -> value) in one write; the caller has checked its name is new. */
  appendClient(record: Record<string, unknown>): void {
    this.table.append([record]);
  }

  /** Rewrites `Balance (h)` for every client whose written balance differs from its log. */
  writeBalances(ledger: Ledger): void {
    const updates: CellUpdate[] = [];
    for (const [name, { index }] of this.rowsByClient) {
      const minutes = ledger.balance(name);
      if (this.recordedBalances.get(name) !== minutes) {
        updates.push({ index, header: 'Balance (h)', value: minutesToHours(minutes) });
        this.recordedBalances.set(name, minutes);
      }
    }
    this.table.write(updates);
  }

  /** Writes client cells in one batch: updates are (client, header, value). */
  writeCells(updates: readonly { client: string; header: string; value: unknown }[]): void {
    this.table.write(
      updates.flatMap((u) => {
        const row = this.rowsByClient.get(u.client);
        return row ? [{ index: row.index, header: u.header, value: u.value }] : [];
      }),
    );
  }
}
