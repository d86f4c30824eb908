/**
 * The invoicing use cases: `runAutomaticInvoicing` (the hourly trigger's handler and the
 * "Run invoicing now" menu item), `invoiceClientNow` (one client whose Auto-invoice is
 * off, at an authorizer's request) and `markInvoicePaid`. Both hold the document lock for
 * the whole check-and-write, so the trigger and a person running at once make one
 * invoice, and both are safe to run again after a stop part-way.
 */
import { formatHours } from '../../core/quantities';
import { ok, type Result, refuse } from '../../core/result';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { InvoicesRepository } from '../../sheets/invoices.repository';
import { afterLedgerChange } from '../ledger';
import { describeRefresh, refreshAllClientLogs, refreshClientLogs } from '../client-log';
import { ensureTopUp } from './invoice-completion';
import { invoiceClients, invoiceView, type InvoiceView, type InvoicingRun } from './invoicing-run';
import { LedgerSession } from '../ledger';
import { forgetLedgerAlert, pausedRun } from './ledger-pause';

/**
 * Invoices every client whose balance crossed below its minimum since its last invoice,
 * and finishes invoices a stopped run left `Pending`. Authorizers only; the trigger runs
 * as the authorizer who installed it. On a log the chain does not vouch for, it writes
 * nothing to the ledger and records (and from the trigger, emails once) why.
 */
export function runAutomaticInvoicing(services: Services, opts: { fromTrigger?: boolean } = {}): Result<InvoicingRun> {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.refusal();
    if (denied) return { ok: false, refusal: denied };
    const broken = session.ledgerBreak();
    if (broken) return ok(pausedRun(session, broken.break, opts.fromTrigger === true));
    if (opts.fromTrigger) forgetLedgerAlert(services);
    const { run, touched } = invoiceClients(session);
    if (touched.length) afterLedgerChange(session, touched, { invoicing: false });
    // The hourly run also keeps every client's log file current (its forecast moves with time).
    refreshAllClientLogs(services, session, touched);
    return ok(run);
  });
}

/**
 * Invoices one client now, whether its Auto-invoice is on or off: the sidebar offers it
 * for a client below zero that is not invoiced automatically. It is the same pass as the
 * hourly run's, so the client's current drop below its minimum is invoiced once however
 * often this is asked (a second call names the invoice already made). Authorizers only;
 * refused, writing nothing, on a log the chain does not vouch for.
 */
export function invoiceClientNow(services: Services, client: string): Result<InvoicingRun> {
  if (typeof client !== 'string' || !client.trim()) return refuse('no-client', 'invoiceClientNow needs the name of a client in Credits.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const found = session.clientForAuthorizer(client, { intactLedger: true });
    if (!found.ok) return found;
    const { name, minimumMinutes } = found.value;
    const { run, touched } = invoiceClients(session, new Set([name]), true);
    if (touched.length) afterLedgerChange(session, touched, { invoicing: false });
    if (run.created.length + run.finished.length + run.problems.length + run.alreadyInvoiced.length === 0) {
      const balance = session.ledger.balance(name);
      return ok({
        ...run,
        summary: `${name} is at ${formatHours(balance)} h, not below its minimum of ${formatHours(minimumMinutes)} h, so no invoice is needed.`,
      });
    }
    return ok(run);
  });
}

export interface PaidResult {
  invoice: InvoiceView;
  /** False when the invoice was already paid: nothing was written to the ledger or the Invoices sheet. */
  changed: boolean;
  /** The `Top-up` log row written now, or '' when the credit was already in the log. */
  topUpLogId: string;
  summary: string;
}

/**
 * Marks an Open invoice Paid. On `creditOn: payment` it first writes the `Top-up` row
 * whose Reference is the invoice number; a Top-up already carrying that number (written
 * at issue, or by a stopped earlier call) is never written again. Paying a paid invoice
 * changes nothing but bringing the client's file up to date.
 */
export function markInvoicePaid(services: Services, invoiceNo: string): Result<PaidResult> {
  if (typeof invoiceNo !== 'string' || !invoiceNo.trim()) return refuse('no-invoice-number', 'markInvoicePaid needs an invoice number, such as INV-2026-0001.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.changeRefusal();
    if (denied) return { ok: false, refusal: denied };
    const invoices = InvoicesRepository.read(services.spreadsheet);
    const row = invoices.find(invoiceNo);
    if (!row) return refuse('unknown-invoice', `There is no invoice "${invoiceNo.trim()}" in the Invoices sheet. Check the number and try again.`);
    if (row.status === 'Paid') {
      // A stopped earlier call may have marked it paid before refreshing the client's file.
      const behind = describeRefresh(refreshClientLogs(services, [row.client], session));
      return ok({ invoice: invoiceView(row), changed: false, topUpLogId: '', summary: `${row.invoiceNo} was already paid; nothing changed.${behind}` });
    }
    if (row.status === 'Pending')
      return refuse('invoice-pending', `${row.invoiceNo} is not finished yet (Pending). Choose Run invoicing now to finish it, then mark it paid.`);
    if (row.status !== 'Open') return refuse('invoice-not-open', `${row.invoiceNo} has the status "${row.status}"; only Open invoices can be marked paid.`);
    const found = session.credits.find(row.client);
    if (!found.ok) return refuse(found.refusal.code, `${row.invoiceNo} cannot be credited: ${found.refusal.message}`);
    const topUp = ensureTopUp(session, row, 'paid');
    invoices.update(row, { Status: 'Paid' });
    const after = afterLedgerChange(session, [row.client], { invoicing: false });
    const credited = topUp ? ` ${row.client} was credited with the invoice's hours: balance ${formatHours(topUp.balanceAfterMinutes)} h.` : '';
    return ok({ invoice: invoiceView(row), changed: true, topUpLogId: topUp?.logId ?? '', summary: `${row.invoiceNo} is paid.${credited}${after.summary}` });
  });
}
