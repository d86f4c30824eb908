/**
 * The JSON-safe shapes the sidebar shows: a client with its balance and thresholds, and a
 * time entry with its hours parsed. Minutes and cents stay exact integers, days are
 * `yyyy-MM-dd` in the spreadsheet's time zone and instants are ISO strings.
 */
import type { Ledger } from '../../core/ledger';
import { formatHours, parseHours } from '../../core/quantities';
import type { RoundingMinutes } from '../../core/rounding';
import type { Client, TimeEntry } from '../../core/types';
import type { Services } from '../../services/ports';
import { dayOf } from '../../services/calendar-day';

export interface ClientView extends Omit<Client, 'roundingMinutes' | 'lastInvoice'> {
  /** The rounding that applies to this client's entries: its own, else the workbook's. */
  roundingMinutes: RoundingMinutes;
  balanceMinutes: number;
  underMinimum: boolean;
  negative: boolean;
}

/** What a person reads to recognise an entry: where it is, when, for whom, by whom, what and how long. */
export interface EntryDetails {
  /** The sheet row, only to point a person at it; entries are identified by Entry ID. Null when no row holds the entry. */
  row: number | null;
  date: string;
  client: string;
  person: string;
  description: string;
  /** The Hours cell as the sidebar shows it: "1.50", or the cell's text when unreadable. */
  hours: string;
}

/** An entry's details, its hours read the way authorization reads them. */
export function entryDetails(services: Services, entry: TimeEntry, durationEpochMs: number): EntryDetails {
  const parsed = parseHours(entry.hours, durationEpochMs);
  return {
    row: entry.row,
    date: entry.date === null ? '' : dayOf(services, entry.date),
    client: entry.client,
    person: entry.person,
    description: entry.description,
    hours: parsed.ok ? formatHours(parsed.value) : String(entry.hours ?? ''),
  };
}

export interface EntryView extends EntryDetails {
  entryId: string;
  row: number;
  /** Whole minutes, or null when the Hours cell cannot be read. */
  minutes: number | null;
  /** From the log, the source of truth, not from the Status cell. */
  status: 'Open' | 'Authorized';
  authorizedBy: string;
  authorizedAt: string;
  ticked: boolean;
}

export function clientView(client: Client, ledger: Ledger, workbookRounding: RoundingMinutes): ClientView {
  const balanceMinutes = ledger.balance(client.name);
  return {
    name: client.name,
    type: client.type,
    billingEmail: client.billingEmail,
    rateCents: client.rateCents,
    currency: client.currency,
    minimumMinutes: client.minimumMinutes,
    topUpMinutes: client.topUpMinutes,
    autoInvoice: client.autoInvoice,
    roundingMinutes: client.roundingMinutes ?? workbookRounding,
    balanceMinutes,
    underMinimum: balanceMinutes < client.minimumMinutes,
    negative: balanceMinutes < 0,
  };
}

export function entryView(services: Services, entry: TimeEntry, ledger: Ledger, durationEpochMs: number): EntryView {
  const parsed = parseHours(entry.hours, durationEpochMs);
  const deduction = ledger.deductionOf(entry.entryId);
  return {
    ...entryDetails(services, entry, durationEpochMs),
    entryId: entry.entryId,
    row: entry.row,
    minutes: parsed.ok ? parsed.value : null,
    status: deduction ? 'Authorized' : 'Open',
    authorizedBy: deduction ? deduction.by : '',
    authorizedAt: deduction ? new Date(deduction.at).toISOString() : '',
    ticked: entry.selected,
  };
}
