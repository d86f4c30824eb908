/**
 * Emailing an invoice's PDF to the client's billing address, when Settings turn it on.
 * The daily MailApp quota is checked first, and every failure comes back as a sentence
 * for the `Emailed` cell and the run's report: nothing is swallowed. The cell is written
 * right after sending, so a run stopped in between may send the same PDF twice, never zero
 * times.
 */
import { formatHours, formatMoney } from '../../core/quantities';
import type { Mailer } from '../../services/ports';
import type { InvoiceRow } from '../../sheets/invoices.repository';

type Blob = GoogleAppsScript.Base.Blob;

export type EmailOutcome = { sent: true; note: string } | { sent: false; note: string; reason: string };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Sends the PDF, or says why it was not sent. `when` is the sending time as shown. */
export function emailInvoice(mailer: Mailer, invoice: InvoiceRow, billingEmail: string, pdf: Blob, from: string, when: string): EmailOutcome {
  const refuse = (reason: string): EmailOutcome => ({
    sent: false,
    note: `Not sent: ${reason}`,
    reason: `${invoice.invoiceNo} for ${invoice.client} was not emailed: ${reason} Send the PDF by hand.`,
  });
  if (!billingEmail) return refuse(`${invoice.client} has no Billing email in Credits.`);
  if (!EMAIL.test(billingEmail)) return refuse(`"${billingEmail}" is not an email address.`);
  if (mailer.remainingDailyQuota() < 1) return refuse('the daily email quota of this Google account is used up.');
  const amount = formatMoney(invoice.amountCents ?? 0, invoice.currency);
  try {
    mailer.send({
      to: billingEmail,
      subject: `Invoice ${invoice.invoiceNo}: top-up of prepaid hours`,
      body:
        `Hello,\n\nYour prepaid balance went below its minimum, so here is invoice ${invoice.invoiceNo} ` +
        `for a top-up of ${formatHours(invoice.minutes ?? 0)} hours (${amount}). The PDF is attached.\n\n${from}`,
      name: from,
      attachments: [pdf],
    });
  } catch (error) {
    return refuse(`${(error as Error).message}.`);
  }
  return { sent: true, note: `Sent ${when} to ${billingEmail}` };
}
