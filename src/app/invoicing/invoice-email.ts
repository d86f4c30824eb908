/**
 * Emailing an invoice's PDF to the client's billing address, when Settings turn it on.
 * The daily MailApp quota is checked first, and every failure comes back as a sentence
 * for the `Emailed` cell and the run's report: nothing is swallowed. The cell is written
 * right after sending, so a run stopped in between may send the same PDF twice, never zero
 * times.
 */
import { isEmailAddress } from '../../core/people';
import { formatHours, formatMoney } from '../../core/quantities';
import { ok, type Refusal, type Result } from '../../core/result';
import type { Mailer } from '../../services/ports';
import type { InvoiceRow } from '../../sheets/invoices.repository';

type Blob = GoogleAppsScript.Base.Blob;

/** Sent, with the note for the `Emailed` cell; or refused (`not-emailed`) with that note and a sentence for the run's report. */
export type EmailOutcome = Result<{ note: string }, Refusal<'not-emailed'> & { note: string }>;

/** Sends the PDF, or says why it was not sent. `when` is the sending time as shown. */
export function emailInvoice(mailer: Mailer, invoice: InvoiceRow, billingEmail: string, pdf: Blob, from: string, when: string): EmailOutcome {
  const notSent = (reason: string): EmailOutcome => ({
    ok: false,
    refusal: {
      code: 'not-emailed',
      note: `Not sent: ${reason}`,
      message: `${invoice.invoiceNo} for ${invoice.client} was not emailed: ${reason} Send the PDF by hand.`,
    },
  });
  if (!billingEmail) return notSent(`${invoice.client} has no Billing email in Credits.`);
  if (!isEmailAddress(billingEmail)) return notSent(`"${billingEmail}" is not an email address.`);
  if (mailer.remainingDailyQuota() < 1) return notSent('the daily email quota of this Google account is used up.');
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
    return notSent(`${(error as Error).message}.`);
  }
  return ok({ note: `Sent ${when} to ${billingEmail}` });
}
