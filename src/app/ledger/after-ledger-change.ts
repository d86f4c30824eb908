/**
 * What follows every change to the prepaid log, in the same lock and ledger session, so
 * nothing is read twice: the use cases that write log rows call `afterLedgerChange` right
 * after `session.commit()` with the clients whose balance moved. It runs invoicing for
 * those clients when Settings ask for invoicing right after an authorization, then
 * refreshes their client log files.
 */
import { describeRefresh, refreshClientLogs } from '../client-log';
import { didSomething, invoiceClients, type InvoicingRun } from '../invoicing';
import type { LedgerSession } from './ledger-session';

export interface AfterLedgerChange {
  /** The invoicing run for the touched clients, when one was needed. */
  invoicing: InvoicingRun | null;
  /** Sentences to append to the use case's summary ('' when nothing happened), with a leading space. */
  summary: string;
}

/**
 * Invoices the touched clients that are now below their minimum with Auto-invoice on.
 * A call that touched nothing is usually the re-run of a stopped change whose log rows
 * were already written, so it catches up on every auto-invoicing client instead: that is
 * how the re-run makes the invoice the stopped run had not made, or finishes the one it
 * left Pending (whose Top-up, credited on issue, may already have lifted the balance).
 * The change itself is already written, so a failure here (an Invoices sheet that needs
 * Set up sheets, say) is reported in the summary instead of failing the change; the
 * hourly run retries. Reads the Invoices sheet only when some client needs it.
 */
function invoiceTouched(session: LedgerSession, touched: readonly string[]): { run: InvoicingRun | null; summary: string } {
  if (!session.settings.invoiceAfterAuthorization) return { run: null, summary: '' };
  const catchUp = touched.length === 0;
  const names = catchUp ? [...session.credits.clients.keys()] : touched;
  const below = names.filter((name) => {
    const client = session.credits.clients.get(name);
    return client?.autoInvoice && (catchUp || session.ledger.balance(name) < client.minimumMinutes);
  });
  if (!below.length) return { run: null, summary: '' };
  try {
    const { run } = invoiceClients(session, new Set(below));
    return { run, summary: didSomething(run) ? ` ${run.summary}` : '' };
  } catch (error) {
    return { run: null, summary: ` Invoicing did not run: ${(error as Error).message}` };
  }
}

/**
 * Runs what must follow a ledger change. `invoicing: false` when the change came from
 * invoicing itself (a top-up written for an invoice), which must not invoice again.
 */
export function afterLedgerChange(session: LedgerSession, touched: readonly string[], opts: { invoicing?: boolean } = {}): AfterLedgerChange {
  const invoicing = opts.invoicing === false ? { run: null, summary: '' } : invoiceTouched(session, touched);
  // After invoicing, so a client's file shows the top-up invoice it may just have opened.
  const clientLogs = describeRefresh(refreshClientLogs(session.services, touched, session));
  return { invoicing: invoicing.run, summary: invoicing.summary + clientLogs };
}
