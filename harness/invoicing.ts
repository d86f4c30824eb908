/**
 * Builders and readers for the invoicing tests: a workbook whose clients invoice
 * themselves, a template document, and a view of the outcome (invoices, top-ups,
 * balances, Drive files) that leaves out what legitimately differs between two runs of
 * the same scenario, such as Drive IDs and Log IDs.
 */
import type { Addon } from './addon';
import { addClients, addEntries, addonWithSheets, balances, type ClientSpec, rows } from './workbook';

/** The second auto-invoicing client of the invoicing and trust workbooks: USD, 120/h, minimum 2 h, top-up 10 h. */
export const BETA: ClientSpec = {
  Client: 'Beta',
  'Billing email': 'finance@beta.test',
  'Hourly rate': 120,
  Currency: 'USD',
  'Minimum balance (h)': 2,
  'Top-up (h)': 10,
  'Auto-invoice': true,
};

/** Two auto-invoicing clients with 10 h and 4 h prepaid, and open entries that take both below their minimum. */
export function invoicingWorkbook(settings: Record<string, unknown> = {}): Addon {
  const addon = addonWithSheets();
  addon.server.saveSettings({ invoiceAfterAuthorization: false, ...settings });
  addClients(addon, [
    { Client: 'Acme', 'Billing email': 'ap@acme.test', 'Hourly rate': 90, 'Minimum balance (h)': 5, 'Top-up (h)': 20, 'Auto-invoice': true },
    BETA,
  ]);
  addon.server.addCredits('Acme', 10, 'Initial block');
  addon.server.addCredits('Beta', 4, 'Initial block');
  addEntries(addon, [
    { 'Entry ID': 'E-1', Client: 'Acme', Hours: '4:00', Description: 'Design', Person: 'Ann' },
    { 'Entry ID': 'E-2', Client: 'Acme', Hours: 2, Description: 'Build', Person: 'Bob' },
    { 'Entry ID': 'E-3', Client: 'Beta', Hours: '2h30', Description: 'Audit', Person: 'Ann' },
  ]);
  return addon;
}

export function invoices(addon: Addon): Record<string, unknown>[] {
  return rows(addon, 'Invoices');
}

/** The Drive files (not folders or the workbook) that are not in the trash. */
export function liveFiles(addon: Addon) {
  return addon.emu.files.list().filter((f) => !f.trashed && (f.mimeType === 'application/pdf' || f.mimeType === 'application/vnd.google-apps.document'));
}

/** A Google Doc in the owner's Drive with these paragraphs, saved; returns its ID. */
export function templateDoc(addon: Addon, paragraphs: string[]): string {
  const documentApp = addon.emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  return addon.emu.execution(() => {
    const doc = documentApp.create('Invoice template');
    const body = doc.getBody();
    body.getParagraphs()[0].setText(paragraphs[0]);
    for (const text of paragraphs.slice(1)) body.appendParagraph(text);
    doc.saveAndClose();
    return doc.getId();
  });
}

/**
 * What must be the same after a stopped-and-resumed run as after an uninterrupted one:
 * the invoices (numbers, amounts, statuses, email notes, and that Doc and PDF IDs point
 * to live files of the right name), the log's rows by kind and reference, balances, Last
 * invoice, and exactly one Doc and one PDF per invoice, with the PDF's content.
 */
export function outcome(addon: Addon) {
  const files = liveFiles(addon);
  const invoiceRows = invoices(addon).map((r) => {
    const doc = addon.emu.files.get(String(r['Doc ID']));
    const pdf = addon.emu.files.get(String(r['PDF ID']));
    const name = `${r['Invoice no']} ${r.Client}`;
    return {
      no: r['Invoice no'],
      client: r.Client,
      hours: r.Hours,
      rate: r.Rate,
      amount: r.Amount,
      currency: r.Currency,
      status: r.Status,
      emailed: String(r.Emailed).replace(/^Sent .* to /, 'Sent to '),
      doc: doc?.name === name && !doc.trashed && String(r.Document).includes(doc.id),
      pdf: pdf?.name === `${name}.pdf` && !pdf.trashed && String(r.PDF).includes(pdf.id),
      pdfContent: pdf ? addon.emu.files.content(pdf.id) : null,
    };
  });
  return {
    invoices: invoiceRows,
    log: rows(addon, 'Prepaid log').map((r) => [r.Client, r.Kind, r.Hours, r['Balance after (h)'], r.Reference]),
    balances: balances(addon),
    lastInvoice: Object.fromEntries(rows(addon, 'Credits').map((r) => [r.Client, r['Last invoice']])),
    files: files.map((f) => f.name).sort(),
  };
}
