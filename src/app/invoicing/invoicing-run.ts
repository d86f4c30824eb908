/**
 * One invoicing pass inside an open ledger session (so under the document lock, with
 * Credits and the log already read once): finish the `Pending` invoices a stopped run
 * left, plan the new ones from the log, allocate their numbers by appending `Pending`
 * rows in one block, then finish each. A Drive or Docs failure leaves that invoice
 * `Pending` with a reason and the others go on; the pass stops starting new invoices well
 * before Apps Script's 6-minute limit, and the next run finishes them.
 */
import { nextInvoiceNumber } from '../../core/invoice-number';
import { describeRun, planInvoices, type AlreadyInvoiced, type InvoicePlan, type InvoicingProblem } from '../../core/invoicing';
import type { Services } from '../../services/ports';
import { type LastRun, storeLastRun } from '../../services/invoicing-run.store';
import { storeSettings } from '../../services/settings.store';
import { InvoicesRepository, type InvoiceRow } from '../../sheets/invoices.repository';
import { completeInvoice, type CompletionContext } from './invoice-completion';
import type { LedgerSession } from '../ledger';

/** Apps Script stops an execution at 6 minutes; no new invoice is started after this. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

/** An invoice as the sidebar and the run report show it; money in cents, hours in minutes. */
export interface InvoiceView {
  invoiceNo: string;
  client: string;
  /** ISO date-time of the invoice date, '' when the cell holds none. */
  date: string;
  minutes: number | null;
  amountCents: number | null;
  currency: string;
  status: string;
  document: string;
  pdf: string;
  emailed: string;
}

/** What one run did, JSON-safe; `summary` is one paragraph for a toast or the sidebar. */
export interface InvoicingRun {
  at: string;
  by: string;
  /** Invoices planned and finished in this run. */
  created: InvoiceView[];
  /** `Pending` invoices of an earlier, stopped run that this run finished. */
  finished: InvoiceView[];
  /** Invoice numbers still `Pending` because the run ran short of time. */
  left: string[];
  problems: InvoicingProblem[];
  alreadyInvoiced: AlreadyInvoiced[];
  summary: string;
}

/** The JSON-safe view of an `Invoices` row. */
export function invoiceView(row: InvoiceRow): InvoiceView {
  return {
    invoiceNo: row.invoiceNo,
    client: row.client,
    date: row.date === null ? '' : new Date(row.date).toISOString(),
    minutes: row.minutes,
    amountCents: row.amountCents,
    currency: row.currency,
    status: row.status,
    document: row.document,
    pdf: row.pdf,
    emailed: row.emailed,
  };
}

function allocate(services: Services, pattern: string, existing: readonly InvoiceRow[], plans: readonly InvoicePlan[], now: number) {
  const [year, month] = services.formatDate(now, 'yyyy-MM').split('-').map(Number);
  const used = existing.map((r) => r.invoiceNo);
  return plans.map((plan) => {
    const invoiceNo = nextInvoiceNumber(pattern, { year, month }, used);
    used.push(invoiceNo);
    return { invoiceNo, plan };
  });
}

/**
 * Invoices the clients that need it (only `only`, when given) and finishes their
 * `Pending` invoices. With `manual`, the `only` clients are invoiced even with Auto-invoice
 * off (an authorizer asked). Returns the run and the clients whose invoice was credited at issue.
 */
export function invoiceClients(session: LedgerSession, only?: ReadonlySet<string>, manual = false): { run: InvoicingRun; touched: string[] } {
  const services = session.services;
  const started = services.now();
  const invoices = InvoicesRepository.read(services.spreadsheet);
  const planned = planInvoices({
    clients: session.credits.clients,
    duplicates: session.credits.duplicates,
    log: session.log.rows,
    invoices: [...invoices.rows, ...invoices.unnumbered],
    only,
    manual: manual ? only : undefined,
  });
  const pending = invoices.rows.filter((r) => r.status === 'Pending' && (!only || only.has(r.client)));
  const problems = [...planned.problems];
  const created: InvoiceView[] = [];
  const finished: InvoiceView[] = [];
  const left: string[] = [];
  const touched = new Set<string>();
  if (planned.plans.length || pending.length) {
    const opened = services.files.invoiceDrive(
      session.settings,
      () => services.spreadsheet.getName(),
      (id) => storeSettings(services, { invoiceFolderId: id }),
    );
    if (!opened.ok) {
      for (const p of planned.plans)
        problems.push({ client: p.client, code: 'documents', message: `No invoice was made for ${p.client}: ${opened.refusal.message}` });
      for (const r of pending)
        problems.push({
          client: r.client,
          invoiceNo: r.invoiceNo,
          code: 'documents',
          message: `${r.invoiceNo} for ${r.client} stays Pending: ${opened.refusal.message}`,
        });
    } else {
      const ctx: CompletionContext = { session, invoices, drive: opened.value };
      const added = invoices.appendPending(allocate(services, session.settings.invoicePattern, invoices.rows, planned.plans, session.now), session.now);
      for (const row of [...pending, ...added]) {
        if (services.now() - started > RUN_BUDGET_MS) {
          left.push(row.invoiceNo);
          continue;
        }
        try {
          const { emailProblem, credited } = completeInvoice(ctx, row);
          (added.includes(row) ? created : finished).push(invoiceView(row));
          if (credited) touched.add(row.client);
          if (emailProblem) problems.push({ client: row.client, invoiceNo: row.invoiceNo, code: 'email', message: emailProblem });
        } catch (error) {
          problems.push({
            client: row.client,
            invoiceNo: row.invoiceNo,
            code: 'documents',
            message: `${row.invoiceNo} for ${row.client} is not finished: ${String((error as Error).message).replace(/([^.!?])$/, '$1.')} It stays Pending and the next run finishes it.`,
          });
        }
      }
    }
  }
  // A Pending invoice covering a crossing is being finished above, not "already invoiced".
  const alreadyInvoiced = planned.alreadyInvoiced.filter((a) => a.status !== 'Pending');
  const summary = describeRun({ created: created.map((v) => v.invoiceNo), finished: finished.map((v) => v.invoiceNo), left, problems, alreadyInvoiced });
  const run: InvoicingRun = { at: new Date(session.now).toISOString(), by: session.user, created, finished, left, problems, alreadyInvoiced, summary };
  // A full run is always recorded; a pass after a ledger change only when it did something.
  if (!only || didSomething(run)) recordRun(services, run);
  return { run, touched: [...touched] };
}

/** Whether a run created, finished or left an invoice, or has a problem to report. */
export function didSomething(run: InvoicingRun): boolean {
  return run.created.length + run.finished.length + run.left.length + run.problems.length > 0;
}

/** Records what the sidebar shows of this run. */
export function recordRun(services: Services, run: InvoicingRun): void {
  const last: LastRun = {
    at: run.at,
    by: run.by,
    created: run.created.map((v) => v.invoiceNo).slice(0, 50),
    finished: run.finished.map((v) => v.invoiceNo).slice(0, 50),
    problems: run.problems.length,
    summary: run.summary.length > 2000 ? `${run.summary.slice(0, 1999)}…` : run.summary,
  };
  storeLastRun(services.documentProperties(), last);
}
