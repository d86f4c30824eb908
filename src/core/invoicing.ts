/**
 * Which clients need a top-up invoice, decided from the prepaid log alone. A client's
 * balance "crosses" its minimum at the log row that takes its running balance from at or
 * above the minimum (or from the start of the log) to below it. Each crossing gets one
 * invoice, however often invoicing runs: an invoice records the Log ID of its crossing,
 * and a crossing that already has an invoice, open or paid, gets no other. Once the
 * balance is back at or above the minimum, the next drop is a new crossing (re-arming).
 * Clients whose settings are incomplete come back with reasons, and the others go on.
 */
import { amountCents } from './quantities';
import type { Client, LogRow, Refusal } from './types';

/** What planning needs to know of an invoice already in the `Invoices` sheet. */
export interface InvoiceFacts {
  invoiceNo: string;
  client: string;
  /** `Pending` (number allocated, documents not finished), `Open` or `Paid`; typed rows may hold others. */
  status: string;
  /** Log ID of the row where the balance went below the minimum; '' on invoices made by hand. */
  crossing: string;
}

/** One invoice to create: the top-up, its price, and the log span it reports. */
export interface InvoicePlan {
  client: string;
  crossing: string;
  /** Log ID of the client's last log row when the invoice was planned. */
  through: string;
  minutes: number;
  rateCents: number;
  amountCents: number;
  currency: string;
}

export type InvoicingProblemCode = 'no-rate' | 'no-top-up' | 'no-currency' | 'duplicate-client';

/** An expected failure for one client: no invoice for it in this run, the others go on. */
export interface InvoicingProblem extends Refusal<InvoicingProblemCode | 'documents' | 'email' | 'sheet' | 'ledger-broken'> {
  client: string;
  invoiceNo?: string;
}

/** A client below its minimum whose current drop is already invoiced. */
export interface AlreadyInvoiced {
  client: string;
  invoiceNo: string;
  status: string;
}

export interface InvoicingPlanResult {
  plans: InvoicePlan[];
  problems: InvoicingProblem[];
  alreadyInvoiced: AlreadyInvoiced[];
}

/** Where a client's balance stands against its minimum, from one pass over the log. */
export interface CrossingState {
  balanceMinutes: number;
  /** The row where the balance last went below the minimum, while it still is; else null. */
  crossing: LogRow | null;
  last: LogRow | null;
}

/**
 * Walks the log once and returns, per client with a minimum, where its balance crossed it.
 * Balances are summed here from the rows' minutes, never read from `Balance after`.
 */
export function crossings(log: readonly LogRow[], minimums: ReadonlyMap<string, number>): Map<string, CrossingState> {
  const states = new Map<string, CrossingState>();
  for (const row of log) {
    const minimum = minimums.get(row.client);
    if (minimum === undefined) continue;
    const state = states.get(row.client) ?? { balanceMinutes: 0, crossing: null, last: null };
    state.balanceMinutes += row.minutes;
    state.last = row;
    if (state.balanceMinutes >= minimum) state.crossing = null;
    else if (!state.crossing) state.crossing = row;
    states.set(row.client, state);
  }
  return states;
}

const CURRENCY = /^[A-Z]{3}$/;

function settingsProblems(client: Client): InvoicingProblem[] {
  const problems: InvoicingProblem[] = [];
  const where = `in the Credits sheet (or the sidebar's client settings)`;
  if (client.rateCents === null) {
    problems.push({
      client: client.name,
      code: 'no-rate',
      message: `${client.name} is below its minimum but has no Hourly rate, so no invoice was made. Enter a rate above 0 ${where}.`,
    });
  }
  if (client.topUpMinutes <= 0) {
    problems.push({
      client: client.name,
      code: 'no-top-up',
      message: `${client.name} is below its minimum but its Top-up (h) is 0 or empty, so no invoice was made. Enter the hours to invoice ${where}.`,
    });
  }
  if (!CURRENCY.test(client.currency)) {
    const seen = client.currency ? `"${client.currency}" is not a currency code` : 'it has no Currency';
    problems.push({
      client: client.name,
      code: 'no-currency',
      message: `${client.name} is below its minimum but ${seen}, so no invoice was made. Enter a three-letter code such as EUR ${where}.`,
    });
  }
  return problems;
}

/**
 * Decides which clients get an invoice now. A client gets one when Auto-invoice is on,
 * its balance is below its minimum, and no invoice exists for the crossing that took it
 * there. An `Opening balance` crossing (the log was archived while the client was below
 * its minimum) counts as invoiced when an invoice refers to a crossing that was archived.
 */
export function planInvoices(input: {
  clients: ReadonlyMap<string, Client>;
  duplicates: readonly string[];
  log: readonly LogRow[];
  invoices: readonly InvoiceFacts[];
  /** Only these clients (after a ledger change); all when absent. */
  only?: ReadonlySet<string>;
  /** Clients an authorizer asked to invoice now: planned like the others, whether Auto-invoice is on or off. */
  manual?: ReadonlySet<string>;
}): InvoicingPlanResult {
  const wanted = (name: string) => !input.only || input.only.has(name);
  const auto = [...input.clients.values()].filter((c) => (c.autoInvoice || input.manual?.has(c.name)) && wanted(c.name));
  const states = crossings(input.log, new Map(auto.map((c) => [c.name, c.minimumMinutes])));
  const logIds = new Set(input.log.map((r) => r.logId));
  const result: InvoicingPlanResult = { plans: [], problems: [], alreadyInvoiced: [] };
  for (const client of auto) {
    const state = states.get(client.name);
    if (!state?.crossing || !state.last) continue;
    const crossing = state.crossing;
    const carried = crossing.kind === 'Opening balance';
    // A Log ID is unique, so an invoice recording this crossing covers it whatever its Client cell says now.
    const covering = input.invoices.filter(
      (inv) => inv.crossing === crossing.logId || (inv.client === client.name && carried && inv.crossing !== '' && !logIds.has(inv.crossing)),
    );
    if (covering.length) {
      const latest = covering[covering.length - 1];
      result.alreadyInvoiced.push({ client: client.name, invoiceNo: latest.invoiceNo, status: latest.status });
      continue;
    }
    const problems = settingsProblems(client);
    if (problems.length) {
      result.problems.push(...problems);
      continue;
    }
    const rateCents = client.rateCents as number;
    result.plans.push({
      client: client.name,
      crossing: crossing.logId,
      through: state.last.logId,
      minutes: client.topUpMinutes,
      rateCents,
      amountCents: amountCents(client.topUpMinutes, rateCents),
      currency: client.currency,
    });
  }
  for (const name of input.duplicates) {
    if (!wanted(name)) continue;
    result.problems.push({
      client: name,
      code: 'duplicate-client',
      message: `"${name}" appears more than once in Credits, so it cannot be invoiced automatically. Keep one row per client.`,
    });
  }
  return result;
}

/** One line of an invoice's table of deductions: time used (reversals count negative). */
export interface DeductionLine {
  logId: string;
  /** The work date, or the log row's time when the entry had none. */
  date: number;
  person: string;
  description: string;
  minutes: number;
}

/**
 * The client's deductions and reversals after the log row `after` (exclusive; from the
 * start when it is '' or no longer in the log) up to `through` (inclusive), by date (a
 * reversal sits on its entry's work date; on one date, in log order), with the balance at
 * `through`. The span is fixed when the invoice is planned, so a resumed invoice shows
 * exactly what the first attempt would have shown.
 */
export function invoiceSpan(log: readonly LogRow[], client: string, after: string, through: string): { lines: DeductionLine[]; balanceMinutes: number } {
  const own = log.filter((r) => r.client === client);
  const start = after ? own.findIndex((r) => r.logId === after) + 1 : 0;
  const endIndex = own.findIndex((r) => r.logId === through);
  const end = endIndex === -1 ? own.length - 1 : endIndex;
  const balanceMinutes = own.slice(0, end + 1).reduce((sum, r) => sum + r.minutes, 0);
  const lines = own
    .slice(start, end + 1)
    .filter((r) => r.kind === 'Deduction' || r.kind === 'Reversal')
    .map((r) => ({ logId: r.logId, date: r.workDate ?? r.at, person: r.person, description: r.description, minutes: -r.minutes }))
    .sort((a, b) => a.date - b.date);
  return { lines, balanceMinutes };
}

/** One sentence for a run: what was created, finished, left for later, skipped and why. */
export function describeRun(run: {
  created: readonly string[];
  finished: readonly string[];
  /** Numbers left `Pending` because the run was running out of time. */
  left: readonly string[];
  problems: readonly InvoicingProblem[];
  alreadyInvoiced: readonly AlreadyInvoiced[];
}): string {
  const parts: string[] = [];
  if (run.created.length) parts.push(`created ${run.created.join(', ')}`);
  if (run.finished.length) parts.push(`finished ${run.finished.join(', ')}`);
  if (run.left.length) parts.push(`left ${run.left.join(', ')} for the next run`);
  if (run.alreadyInvoiced.length) {
    parts.push(`${run.alreadyInvoiced.length} client${run.alreadyInvoiced.length === 1 ? '' : 's'} below minimum already invoiced`);
  }
  const head = parts.length ? `Invoicing: ${parts.join('; ')}.` : 'Invoicing: no client needed an invoice.';
  if (!run.problems.length) return head;
  return `${head} ${run.problems.length} problem${run.problems.length === 1 ? '' : 's'}: ${run.problems.map((p) => p.message).join(' ')}`;
}
