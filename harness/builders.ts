/**
 * Builders for the core's test data: clients, time entries and prepaid-log rows (and the
 * content of an invoice Doc) with sensible defaults, so each test spells out only the fields it is about. Log rows are
 * sealed through a real {@link Ledger}, so their running balances and checksum chain are
 * the ones the add-on would write.
 */
import { Ledger } from '../src/core/ledger';
import type { Client, LogDraft, LogKind, LogRow, TimeEntry } from '../src/core/types';
import type { InvoiceContent } from '../src/drive/invoice-document';

/** A fixed "now" (2026-03-02 09:30 UTC) so rows and reports are reproducible. */
export const NOW = Date.UTC(2026, 2, 2, 9, 30);
export const AUTHORIZER = 'boss@agency.example';
/** The `yyyy-MM-dd` day of an instant in UTC: the workbook zone of the core's tests. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** A client with no rounding of its own, a 2 h minimum and a rate of 85.00 EUR. */
export function aClient(overrides: Partial<Client> = {}): Client {
  return {
    name: 'Acme',
    type: 'Company',
    billingEmail: 'billing@acme.example',
    rateCents: 8500,
    currency: 'EUR',
    minimumMinutes: 120,
    topUpMinutes: 600,
    autoInvoice: false,
    roundingMinutes: null,
    lastInvoice: '',
    ...overrides,
  };
}

/** The `clients` map the use cases take, keyed by name. */
export function clientsByName(...clients: Client[]): Map<string, Client> {
  return new Map(clients.map((c) => [c.name, c]));
}

let entrySeq = 0;

/** An open time entry of 1.5 h for Acme with a fresh Entry ID and sheet row. */
export function aTimeEntry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  entrySeq += 1;
  return {
    row: entrySeq + 1,
    entryId: `E-${String(entrySeq).padStart(4, '0')}`,
    date: Date.UTC(2026, 1, 16),
    client: 'Acme',
    person: 'ann@agency.example',
    description: `Work item ${entrySeq}`,
    hours: 1.5,
    status: '',
    authorizedBy: '',
    authorizedAt: null,
    selected: false,
    ...overrides,
  };
}

/** A generator of unique ids ("L-1", "L-2", …), standing in for `newLogId`. */
export function idSequence(prefix = 'L'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A log draft: a Top-up of 10 h for Acme unless told otherwise. */
export function aDraft(overrides: Partial<LogDraft> = {}): LogDraft {
  return {
    logId: 'L-?',
    at: NOW,
    client: 'Acme',
    kind: 'Top-up',
    minutes: 600,
    entryId: '',
    description: '',
    by: AUTHORIZER,
    reference: '',
    rawMinutes: null,
    person: '',
    workDate: null,
    ...overrides,
  };
}

/** Shorthand for one log row: kind, client, signed minutes, and optional extras. */
export function row(kind: LogKind, client: string, minutes: number, extra: Partial<LogDraft> = {}): Partial<LogDraft> {
  return { kind, client, minutes, ...extra };
}

/**
 * Seals drafts into log rows as the add-on writes them: numbered Log IDs (unless given),
 * running balances and a chained checksum.
 */
export function logRows(...drafts: Partial<LogDraft>[]): LogRow[] {
  const ledger = new Ledger([]);
  drafts.forEach((d, i) => ledger.append(aDraft({ logId: `L-${i + 1}`, ...d })));
  return [...ledger.appended];
}

/** A ledger over sealed rows, ready for a use case to append to. */
export function ledgerOf(...drafts: Partial<LogDraft>[]): Ledger {
  return new Ledger(logRows(...drafts));
}

/** Each client's sum of log minutes, computed independently of the Ledger class. */
export function sumsByClient(rows: readonly LogRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.client, (sums.get(r.client) ?? 0) + r.minutes);
  return sums;
}

/**
 * What an invoice Doc shows: INV-2026-0007 for Acme, 10 h at 85.50 EUR, a balance of
 * 0.75 h under a 2 h minimum, and a deduction by Ann and its partial reversal by Ben.
 */
export function anInvoiceContent(overrides: Partial<InvoiceContent> = {}): InvoiceContent {
  return {
    invoiceNo: 'INV-2026-0007',
    date: '2026-03-02',
    client: 'Acme',
    billingEmail: 'billing@acme.example',
    minutes: 600,
    rateCents: 8550,
    amountCents: 85500,
    currency: 'EUR',
    balanceMinutes: 45,
    minimumMinutes: 120,
    lines: [
      { date: '2026-02-16', person: 'Ann', description: 'Design review', minutes: 90 },
      { date: '2026-02-17', person: 'Ben', description: 'Reversed: Design review', minutes: -30 },
    ],
    showPerson: true,
    showDescription: true,
    ...overrides,
  };
}
