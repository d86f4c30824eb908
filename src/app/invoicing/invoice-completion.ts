/**
 * Finishing one invoice whose `Invoices` row exists (Status `Pending`). Each step first
 * looks at what a stopped run may already have done, so running this again, any number
 * of times, ends with one Doc, one PDF, at most one `Top-up` row per invoice number, and
 * the row `Open`:
 *   1. the Doc: by the ID on the row, else by name, else created; its ID is recorded at once;
 *   2. unless the PDF exists: fill the Doc, `saveAndClose` (an export sees only saved
 *      content), export the PDF into the folder (or adopt it by name), record its ID;
 *   3. on `creditOn: issue`, the `Top-up` row whose Reference is the invoice number;
 *   4. the email, when Settings turn it on and the row does not say it was tried;
 *   5. `Credits.Last invoice`, then Status `Open`, the last write.
 */
import { invoiceSpan } from '../../core/invoicing';
import type { LogRow } from '../../core/types';
import { GOOGLE_DOCS, PDF } from '../../drive/find-or-create';
import type { InvoiceContent } from '../../drive/invoice-document';
import type { InvoiceDrive } from '../../drive/invoice-files';
import { asText } from '../../sheets/cell-text';
import type { InvoiceRow, InvoicesRepository } from '../../sheets/invoices.repository';
import { emailInvoice } from './invoice-email';
import type { LedgerSession } from '../ledger';

export interface CompletionContext {
  session: LedgerSession;
  invoices: InvoicesRepository;
  drive: InvoiceDrive;
}

/** The file names of an invoice's Doc and PDF; also how a stopped run's files are found again. */
export function invoiceFileName(row: InvoiceRow): string {
  return `${row.invoiceNo} ${row.client}`;
}

/** The `Log through` of the client's invoice before this one, where its deductions table starts. */
function previousThrough(invoices: InvoicesRepository, row: InvoiceRow): string {
  const earlier = invoices.rows.filter((r) => r.client === row.client && r.through && r.index < row.index);
  return earlier.length ? earlier[earlier.length - 1].through : '';
}

function content(ctx: CompletionContext, row: InvoiceRow): InvoiceContent {
  const { session, invoices } = ctx;
  const services = session.services;
  const client = session.credits.clients.get(row.client);
  const span = invoiceSpan(session.log.rows, row.client, previousThrough(invoices, row), row.through);
  const day = (time: number) => services.formatDate(time, 'yyyy-MM-dd');
  return {
    invoiceNo: row.invoiceNo,
    date: day(row.date ?? session.now),
    client: row.client,
    billingEmail: client?.billingEmail ?? '',
    minutes: row.minutes ?? 0,
    rateCents: row.rateCents ?? 0,
    amountCents: row.amountCents ?? 0,
    currency: row.currency,
    balanceMinutes: span.balanceMinutes,
    minimumMinutes: client?.minimumMinutes ?? 0,
    lines: span.lines.map((l) => ({ date: day(l.date), person: l.person, description: l.description, minutes: l.minutes })),
    showPerson: session.settings.clientLogPerson !== 'hidden',
    showDescription: session.settings.clientLogShowDescriptions,
  };
}

/**
 * Makes sure exactly one `Top-up` row carries this invoice number, writing it (log first,
 * then balances) when missing. Returns the row written, or null when it already existed;
 * balances are rewritten from the log either way, in case a stop came between the two.
 */
export function ensureTopUp(session: LedgerSession, row: InvoiceRow, event: 'issued' | 'paid'): LogRow | null {
  const existing = session.log.rows.some((r) => r.kind === 'Top-up' && r.reference === row.invoiceNo && r.client === row.client);
  if (existing) {
    session.commit();
    return null;
  }
  if (row.minutes === null || row.minutes <= 0) {
    throw new Error(`${row.invoiceNo} has no hours to credit in its Hours cell. Correct the Invoices row, then try again.`);
  }
  const logRow = session.append({
    client: row.client,
    kind: 'Top-up',
    minutes: row.minutes,
    entryId: '',
    description: `Invoice ${row.invoiceNo} ${event}`,
    reference: row.invoiceNo,
    rawMinutes: null,
    person: '',
    workDate: null,
  });
  session.commit();
  return logRow;
}

function ensureDocuments(ctx: CompletionContext, row: InvoiceRow): void {
  const { drive, invoices } = ctx;
  const name = invoiceFileName(row);
  const found = drive.findOrCreate(row.docId, name, GOOGLE_DOCS, () => drive.createDoc(name));
  const doc = found.value;
  if (found.via !== 'id') invoices.update(row, { 'Doc ID': doc.getId(), Document: doc.getUrl() });
  drive.ensureInFolder(doc);
  if (drive.live(row.pdfId)) return;
  drive.writeDoc(doc, content(ctx, row));
  const pdfName = `${name}.pdf`;
  const pdf = drive.findOrCreate('', pdfName, PDF, () => drive.createPdf(doc, pdfName)).value;
  invoices.update(row, { 'PDF ID': pdf.getId(), PDF: pdf.getUrl() });
}

/**
 * Runs the remaining steps for one invoice. Throws when a Drive or Docs step fails (the
 * row stays `Pending` for the next run); otherwise returns the email problem, if any, and
 * whether the client's log holds the invoice's Top-up now.
 */
export function completeInvoice(ctx: CompletionContext, row: InvoiceRow): { emailProblem: string | null; credited: boolean } {
  const { session, invoices } = ctx;
  const services = session.services;
  ensureDocuments(ctx, row);
  const credited = session.settings.creditOn === 'issue';
  if (credited) ensureTopUp(session, row, 'issued');
  let emailProblem: string | null = null;
  if (session.settings.emailInvoices && !row.emailed) {
    const pdf = ctx.drive.live(row.pdfId);
    if (!pdf) throw new Error(`The PDF of ${row.invoiceNo} disappeared before it could be emailed.`);
    const billingEmail = session.credits.clients.get(row.client)?.billingEmail ?? '';
    const sent = emailInvoice(
      services.mailer,
      row,
      billingEmail,
      pdf.getBlob(),
      services.spreadsheet.getName(),
      services.formatDate(services.now(), 'yyyy-MM-dd HH:mm'),
    );
    invoices.update(row, { Emailed: sent.ok ? sent.value.note : sent.refusal.note });
    if (!sent.ok) emailProblem = sent.refusal.message;
  }
  const client = session.credits.clients.get(row.client);
  if (client && client.lastInvoice !== row.invoiceNo && session.credits.table.has('Last invoice')) {
    session.credits.writeCells([{ client: row.client, header: 'Last invoice', value: asText(row.invoiceNo) }]);
    client.lastInvoice = row.invoiceNo;
  }
  invoices.update(row, { Status: 'Open' });
  return { emailProblem, credited };
}
