/**
 * The domain's records, independent of how the sheets lay them out. Times are epoch
 * milliseconds, hours are whole minutes and money is whole cents.
 */
import type { Refusal } from './result';
import type { RoundingMinutes } from './rounding';

export type ClientType = 'Company' | 'Contact';

export interface Client {
  name: string;
  type: ClientType;
  billingEmail: string;
  /** Hourly rate in cents; null when the cell is empty or not an amount. */
  rateCents: number | null;
  currency: string;
  minimumMinutes: number;
  topUpMinutes: number;
  autoInvoice: boolean;
  /** The client's own rounding rule, overriding the workbook's; null when not set. */
  roundingMinutes: RoundingMinutes | null;
  lastInvoice: string;
}

export const LOG_KINDS = ['Top-up', 'Deduction', 'Reversal', 'Adjustment', 'Opening balance', 'Re-seal'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** One row of the prepaid log. `minutes` is signed: what this row adds to the balance. */
export interface LogRow {
  logId: string;
  at: number;
  client: string;
  kind: LogKind;
  minutes: number;
  balanceAfterMinutes: number;
  entryId: string;
  description: string;
  by: string;
  reference: string;
  /** For deductions: the entry's minutes before rounding. */
  rawMinutes: number | null;
  /** For deductions: who did the work and when, so the log reads on its own. */
  person: string;
  workDate: number | null;
  checksum: string;
}

/** What a caller supplies for a new log row; the ledger fills in the balance and checksum. */
export type LogDraft = Omit<LogRow, 'balanceAfterMinutes' | 'checksum'>;

/** One row of `Time entries` as read from the sheet, with cell values left raw where parsing may fail. */
export interface TimeEntry {
  /** 1-based sheet row, for writing back; never used as an identity. */
  row: number;
  entryId: string;
  date: number | null;
  client: string;
  person: string;
  description: string;
  hours: unknown;
  status: string;
  authorizedBy: string;
  authorizedAt: number | null;
  selected: boolean;
}

export type { Refusal } from './result';

export const SKIP_CODES = [
  'already-authorized',
  'not-authorized',
  'unknown-client',
  'bad-hours',
  'too-many-hours',
  'long-entry',
  'long-day',
  'future-date',
  'no-entry-id',
  'duplicate-entry-id',
  'not-found',
  'not-allowed',
  'ledger-broken',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

/** Skips an authorizer may override ("Authorize anyway"): the entry is plausible but unusual. */
export const FLAG_CODES = ['long-entry', 'long-day', 'future-date'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Something unusual about an entry that an authorizer must confirm before it is deducted. */
export type EntryFlag = Refusal<FlagCode>;

export interface SkippedEntry extends Refusal<SkipCode> {
  entryId: string;
  /** The sheet row the skip is about, when there is one (each row of a duplicated Entry ID has its own). */
  row?: number;
  /** Present when the skip can be overridden: what the authorizer is asked to confirm. */
  flags?: EntryFlag[];
}

/** How one client's balance moves in an operation. */
export interface BalanceChange {
  client: string;
  beforeMinutes: number;
  afterMinutes: number;
  minimumMinutes: number;
  belowMinimum: boolean;
  negative: boolean;
}
