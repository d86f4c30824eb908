/**
 * Generated workbooks for the benchmark: a year (or several) of an agency's time entries,
 * its clients and a prepaid log that adds up, built once per size as plain rows and then
 * loaded into a fresh add-on on the emulator with one block write per sheet. The log rows
 * come from the real ledger (running balances and checksum chain), so every operation
 * reads a workbook it accepts. Deterministic: the same spec gives the same workbook.
 *
 * Shape: one big client holds two in nine of the authorized entries (the client-log
 * export's 20,000 deductions at 100,000 entries). Every client has been topped up by paid
 * invoices whenever it went below its minimum, except a fixed number of "due" clients
 * whose last crossing is not invoiced yet, for `runAutomaticInvoicing`. The newest entries
 * are open, as in a live workbook, and belong to neither of those. Every sheet's grid ends
 * at its last row, as the add-on's own appends leave it, so an append grows the sheet at
 * every size alike.
 */
import { startAddon, type Addon } from '../addon';
import { pasteRows } from '../../emulator/sheet-rows';
import { Ledger } from '../../src/core/ledger';
import { minutesToHours } from '../../src/core/quantities';
import type { LogRow } from '../../src/core/types';
import { toRecord } from '../../src/sheets/prepaid-log.repository';
import { sealRecord } from '../../src/sheets/prepaid-seal.repository';

export const OWNER = 'owner@agency.test';
const DAY_MS = 86_400_000;
/** Clients whose balance is below their minimum with no invoice yet: the same in every workbook. */
export const DUE_CLIENTS = 10;
/** Open entries ticked in the Select column, for authorizeTicked. */
export const TICKED = 100;
/** Authorized entries reversed by reverseEntries. */
export const REVERSED = 100;

export interface WorkbookSpec {
  entries: number;
  clients: number;
  /** The newest entries left open (the rest are authorized). */
  open: number;
  /** First and last work day, epoch ms (entries are spread evenly between them). */
  from: number;
  to: number;
}

export interface WorkbookData {
  spec: WorkbookSpec;
  /** The emulated clock when the workbook is loaded: the day after the last entry. */
  now: number;
  credits: Record<string, unknown>[];
  entries: Record<string, unknown>[];
  log: Record<string, unknown>[];
  /** The log's sealed copy, as the add-on keeps it in the hidden Prepaid seal sheet. */
  seal: Record<string, unknown>[];
  invoices: Record<string, unknown>[];
  /** Open Entry IDs, oldest first. */
  openIds: string[];
  tickedIds: string[];
  reversibleIds: string[];
  bigClient: string;
  bigClientLogRows: number;
}

const PEOPLE = ['Ann Peeters', 'Ben Claes', 'Chloé Martin', 'Dries Wouters', 'Eva Janssens', 'Finn Maes', 'Gert Jacobs', 'Hanne Willems'];
const TASKS = ['Design review', 'Sprint planning', 'Bug fixing', 'Copywriting', 'Client call', 'Analytics report', 'Landing page build', 'QA pass'];

function clientName(i: number): string {
  return `Client ${String(i + 1).padStart(3, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(7, '0');
}

/** Whole quarter hours from 15 minutes to 4 hours, cycling. */
function minutesOf(i: number): number {
  return 15 * (1 + ((i * 7) % 16));
}

interface PlannedEntry {
  id: string;
  date: number;
  client: string;
  person: string;
  description: string;
  minutes: number;
  open: boolean;
}

/** The big client comes first, then the due ones, then the regular ones. */
function dueClients(names: string[]): Set<string> {
  return new Set(names.slice(1, 1 + DUE_CLIENTS));
}

/** Which client entry i belongs to: two in nine to the big client; open entries only to regular clients. */
function planEntries(spec: WorkbookSpec, names: string[]): PlannedEntry[] {
  const regular = names.slice(1 + DUE_CLIENTS);
  const span = spec.to - spec.from;
  let turn = 0;
  const others = () => names[1 + (turn++ % (names.length - 1))];
  return Array.from({ length: spec.entries }, (_, i) => {
    const open = i >= spec.entries - spec.open;
    const client = open ? regular[i % regular.length] : i % 9 < 2 ? names[0] : others();
    return {
      id: `E-${pad(i + 1)}`,
      date: Math.floor((spec.from + (span * i) / Math.max(spec.entries - 1, 1)) / DAY_MS) * DAY_MS + 12 * 3_600_000,
      client,
      person: PEOPLE[i % PEOPLE.length],
      description: `${TASKS[i % TASKS.length]} #${i + 1}`,
      minutes: minutesOf(i),
      open,
    };
  });
}

const TOP_UP_MINUTES = 40 * 60;
const MINIMUM_MINUTES = 10 * 60;
/** The first block is a smaller trial, so even a small client has crossed its minimum once. */
const FIRST_BLOCK_MINUTES = 20 * 60;

/** A paid top-up invoice of the history, as the `Invoices` sheet holds it. */
interface PaidInvoice {
  invoiceNo: string;
  at: number;
  client: string;
  minutes: number;
  /** Log ID of the deduction that took the balance below the minimum ('' for the first block). */
  crossing: string;
}

/**
 * The log as automatic invoicing leaves it: each client starts with a 20 h block, and
 * whenever a deduction takes it below its 10 h minimum a paid 40 h top-up follows, with
 * its invoice. A due client's last top-up never happened, so its last crossing is not
 * invoiced yet; `runAutomaticInvoicing` invoices it, over the entries since the last one.
 */
function buildLog(spec: WorkbookSpec, names: string[], planned: PlannedEntry[]): { log: LogRow[]; invoices: PaidInvoice[] } {
  const due = dueClients(names);
  const authorized = planned.filter((e) => !e.open);
  // A dry run counts each client's top-ups, so the last one of a due client can be left out.
  const crossings = new Map<string, number>();
  const dry = new Map<string, number>(names.map((n) => [n, FIRST_BLOCK_MINUTES]));
  for (const e of authorized) {
    const balance = (dry.get(e.client) as number) - e.minutes;
    const crossed = balance < MINIMUM_MINUTES;
    dry.set(e.client, crossed ? balance + TOP_UP_MINUTES : balance);
    if (crossed) crossings.set(e.client, (crossings.get(e.client) ?? 0) + 1);
  }
  const ledger = new Ledger([]);
  const invoices: PaidInvoice[] = [];
  const perYear = new Map<string, number>();
  const seen = new Map<string, number>();
  const uninvoiced = new Set<string>();
  let n = 0;
  const topUp = (client: string, at: number, crossing: string, minutes = TOP_UP_MINUTES) => {
    const year = new Date(at).getUTCFullYear();
    const counter = (perYear.get(String(year)) ?? 0) + 1;
    perYear.set(String(year), counter);
    const invoiceNo = `INV-${year}-${String(counter).padStart(4, '0')}`;
    invoices.push({ invoiceNo, at, client, minutes, crossing });
    ledger.append({
      logId: `L-${pad(++n)}`,
      at,
      client,
      kind: 'Top-up',
      minutes,
      entryId: '',
      description: `Top-up ${invoiceNo}`,
      by: OWNER,
      reference: invoiceNo,
      rawMinutes: null,
      person: '',
      workDate: null,
    });
  };
  for (const client of names) topUp(client, spec.from, '', FIRST_BLOCK_MINUTES);
  for (const e of authorized) {
    const row = ledger.append({
      logId: `L-${pad(++n)}`,
      at: e.date + 6 * 3_600_000,
      client: e.client,
      kind: 'Deduction',
      minutes: -e.minutes,
      entryId: e.id,
      description: e.description,
      by: OWNER,
      reference: '',
      rawMinutes: e.minutes,
      person: e.person,
      workDate: e.date,
    });
    if (row.balanceAfterMinutes >= MINIMUM_MINUTES || uninvoiced.has(e.client)) continue;
    const count = (seen.get(e.client) ?? 0) + 1;
    seen.set(e.client, count);
    if (due.has(e.client) && count === crossings.get(e.client)) uninvoiced.add(e.client);
    else topUp(e.client, row.at + 60_000, row.logId);
  }
  for (const client of due) {
    if (!crossings.get(client)) throw new Error(`${client} never went below its minimum; give the workbook more entries per client.`);
  }
  return { log: ledger.appended, invoices };
}

/** Builds the rows of a workbook; load it with {@link loadWorkbook} as often as needed. */
export function generateWorkbook(spec: WorkbookSpec): WorkbookData {
  const names = Array.from({ length: spec.clients }, (_, i) => clientName(i));
  const planned = planEntries(spec, names);
  const { log, invoices } = buildLog(spec, names, planned);
  const ledger = new Ledger(log);
  const lastInvoice = new Map(invoices.map((i) => [i.client, i.invoiceNo]));
  const deducted = new Map(log.filter((r) => r.kind === 'Deduction').map((r) => [r.entryId, r]));
  const open = planned.filter((e) => e.open);
  const due = dueClients(names);
  const ticked = new Set(open.slice(-TICKED).map((e) => e.id));
  const reversible = planned.filter((e) => !e.open && !due.has(e.client)).slice(-REVERSED);
  return {
    spec,
    now: Math.floor(spec.to / DAY_MS) * DAY_MS + DAY_MS + 9 * 3_600_000,
    credits: names.map((client, i) => ({
      Client: client,
      Type: i % 4 === 3 ? 'Contact' : 'Company',
      'Billing email': `billing@client${String(i + 1).padStart(3, '0')}.example`,
      'Hourly rate': 90,
      Currency: 'EUR',
      'Minimum balance (h)': minutesToHours(MINIMUM_MINUTES),
      'Top-up (h)': minutesToHours(TOP_UP_MINUTES),
      'Auto-invoice': true,
      'Balance (h)': minutesToHours(ledger.balance(client)),
      'Last invoice': lastInvoice.get(client),
    })),
    entries: planned.map((e) => {
      const row = deducted.get(e.id);
      return {
        Select: ticked.has(e.id),
        'Entry ID': e.id,
        Date: new Date(e.date),
        Client: e.client,
        Person: e.person,
        Description: e.description,
        Hours: minutesToHours(e.minutes),
        Status: row ? 'Authorized' : 'Open',
        'Authorized by': row ? OWNER : '',
        'Authorized at': row ? new Date(row.at) : '',
      };
    }),
    log: log.map(toRecord),
    seal: log.map(sealRecord),
    invoices: invoices.map((i) => ({
      'Invoice no': i.invoiceNo,
      Date: new Date(i.at),
      Client: i.client,
      Hours: minutesToHours(i.minutes),
      Rate: 90,
      Amount: (i.minutes / 60) * 90,
      Currency: 'EUR',
      Status: 'Paid',
      Crossing: i.crossing,
      'Log through': i.crossing,
    })),
    openIds: open.map((e) => e.id),
    tickedIds: [...ticked],
    reversibleIds: reversible.map((e) => e.id),
    bigClient: names[0],
    bigClientLogRows: log.filter((r) => r.client === names[0]).length,
  };
}

/**
 * A fresh add-on holding the workbook: set up by its owner, with invoicing right after an
 * authorization turned off, then one block per sheet; call counters start at zero.
 */
export function loadWorkbook(data: WorkbookData): Addon {
  const addon = startAddon({ user: OWNER, now: data.now, seed: 7, spreadsheetName: 'Agency hours' });
  addon.server.setUpSheets();
  // Authorizing then measures authorization alone; invoicing is runAutomaticInvoicing's row.
  addon.server.saveSettings({ invoiceAfterAuthorization: false });
  const ss = addon.emu.spreadsheet;
  pasteRows(ss, 'Credits', data.credits);
  pasteRows(ss, 'Time entries', data.entries);
  pasteRows(ss, 'Prepaid log', data.log);
  pasteRows(ss, 'Prepaid seal', data.seal);
  pasteRows(ss, 'Invoices', data.invoices);
  for (const sheet of ss.getSheets()) {
    const spare = sheet.getMaxRows() - sheet.getLastRow();
    if (sheet.getLastRow() > 1 && spare > 0) sheet.deleteRows(sheet.getLastRow() + 1, spare);
  }
  addon.emu.calls.reset();
  return addon;
}
