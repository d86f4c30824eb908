/**
 * The invoice's content and how it is written into a Google Doc: either a copy of the
 * template set in Settings, whose `{{placeholders}}` are replaced, or the built-in layout.
 * Both writers can run again on a document a stopped run left half-written and end with
 * the same document: placeholders that are already replaced are simply not found again,
 * the deductions table is not inserted twice, and the built-in layout is rewritten whole.
 */
import { formatHours, formatMoney } from '../core/quantities';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;
type DocumentApp = GoogleAppsScript.Document.DocumentApp;

/** Everything an invoice shows, already fixed on its `Invoices` row and in the log. */
export interface InvoiceContent {
  invoiceNo: string;
  /** The invoice date as shown (yyyy-MM-dd in the spreadsheet's time zone). */
  date: string;
  client: string;
  billingEmail: string;
  minutes: number;
  rateCents: number;
  amountCents: number;
  currency: string;
  balanceMinutes: number;
  minimumMinutes: number;
  lines: { date: string; person: string; description: string; minutes: number }[];
  /** Settings say whether the client may see who did the work and what it was. */
  showPerson: boolean;
  showDescription: boolean;
}

/** The text placeholders a template may use; `{{deductions}}` marks where the table goes. */
export const TEXT_PLACEHOLDERS = ['invoice_no', 'date', 'client', 'billing_email', 'hours', 'rate', 'amount', 'currency', 'balance', 'minimum'] as const;
export const TABLE_PLACEHOLDER = '{{deductions}}';

/**
 * User text with its `{{` broken by a zero-width space, so a client called "{{amount}}"
 * (or a description in the table) is never taken for a placeholder, now or on a re-run.
 */
function inert(text: string): string {
  return text.replace(/\{\{/g, '{\u200B{');
}

/** Placeholder name -> text. Money is shown without the code, which has `{{currency}}`. */
export function placeholderValues(c: InvoiceContent): Record<(typeof TEXT_PLACEHOLDERS)[number], string> {
  return {
    invoice_no: c.invoiceNo,
    date: c.date,
    client: inert(c.client),
    billing_email: inert(c.billingEmail),
    hours: formatHours(c.minutes),
    rate: formatMoney(c.rateCents, ''),
    amount: formatMoney(c.amountCents, ''),
    currency: c.currency,
    balance: formatHours(c.balanceMinutes),
    minimum: formatHours(c.minimumMinutes),
  };
}

/** The deductions table: a header, one row per deduction or reversal, and a total. */
export function deductionRows(c: InvoiceContent): string[][] {
  const columns = (date: string, person: string, description: string, hours: string) => [
    date,
    ...(c.showPerson ? [person] : []),
    ...(c.showDescription ? [description] : []),
    hours,
  ];
  const total = c.lines.reduce((sum, l) => sum + l.minutes, 0);
  return [
    columns('Date', 'Person', 'Description', 'Hours'),
    ...c.lines.map((l) => columns(l.date, inert(l.person), inert(l.description), formatHours(l.minutes))),
    columns('Total', '', '', formatHours(total)),
  ];
}

/** A regular expression matching `{{name}}` exactly (Docs' replaceText takes one). */
function placeholderPattern(name: string): string {
  return `\\{\\{${name}\\}\\}`;
}

/**
 * Replaces a text placeholder everywhere. replaceText keeps the placeholder's formatting,
 * but `$` and `\` are special in replacement strings (and not the same way in every
 * regular-expression engine), so a value holding either is written as plain text: each
 * text element holding the placeholder is rewritten whole, in one write, so a stop cannot
 * leave it half done. The value cannot contain the placeholder (see {@link inert}).
 */
function replacePlaceholder(body: Body, name: string, value: string): void {
  const pattern = placeholderPattern(name);
  if (!/[\\$]/.test(value)) {
    body.replaceText(pattern, value);
    return;
  }
  for (let found = body.findText(pattern); found; found = body.findText(pattern)) {
    const text = found.getElement().asText();
    text.setText(text.getText().replace(new RegExp(pattern, 'g'), () => value));
  }
}

/** The element's index among the body's own children, or -1 (inside a table, or gone). */
function childIndex(body: Body, element: Paragraph | Table): number {
  try {
    return body.getChildIndex(element);
  } catch {
    return -1;
  }
}

/** Whether the table is the deductions table a stopped run already inserted. */
function isDeductionsTable(table: Table, rows: string[][]): boolean {
  if (table.getNumRows() !== rows.length) return false;
  const same = (r: number) => table.getRow(r).getNumCells() === rows[r].length && rows[r].every((text, c) => table.getCell(r, c).getText() === text);
  return same(0) && same(rows.length - 1);
}

/**
 * Fills a template copy: each text placeholder is replaced, then the paragraph holding
 * `{{deductions}}` (on a line of its own in the body) is replaced by the table. The table
 * goes in before the placeholder paragraph is removed, and a re-run that finds its own
 * table already there does not insert another.
 */
export function fillTemplate(body: Body, content: InvoiceContent): void {
  const values = placeholderValues(content);
  for (const name of TEXT_PLACEHOLDERS) replacePlaceholder(body, name, values[name]);
  const holder = body.getParagraphs().find((p) => p.getText().includes(TABLE_PLACEHOLDER));
  if (!holder) return;
  const index = childIndex(body, holder);
  if (index === -1) {
    body.replaceText(placeholderPattern('deductions'), '');
    return;
  }
  const rows = deductionRows(content);
  const already = body.getTables().some((t) => childIndex(body, t) === index - 1 && isDeductionsTable(t, rows));
  if (!already) body.insertTable(index, rows);
  // A body must end with a paragraph: the last one is emptied instead of removed.
  if (childIndex(body, holder) === body.getNumChildren() - 1) holder.setText('');
  else holder.removeFromParent();
}

/** Writes the built-in layout over whatever the document holds. */
export function writeBuiltInLayout(body: Body, content: InvoiceContent, documentApp: DocumentApp): void {
  const { ParagraphHeading } = documentApp;
  const money = (cents: number) => formatMoney(cents, content.currency);
  body.clear();
  const title = body.getParagraphs()[0];
  title.setText(`Invoice ${content.invoiceNo}`);
  title.setHeading(ParagraphHeading.HEADING1);
  body.appendParagraph(`Date: ${content.date}`);
  body.appendParagraph(`Bill to: ${content.client}${content.billingEmail ? ` <${content.billingEmail}>` : ''}`);
  body.appendTable([
    ['Description', 'Hours', 'Rate', 'Amount'],
    ['Prepaid hours (top-up)', formatHours(content.minutes), money(content.rateCents), money(content.amountCents)],
    ['Total', '', '', money(content.amountCents)],
  ]);
  body.appendParagraph(`Your prepaid balance is ${formatHours(content.balanceMinutes)} h, below the minimum of ${formatHours(content.minimumMinutes)} h.`);
  body.appendParagraph('Deductions since the last invoice').setHeading(ParagraphHeading.HEADING2);
  body.appendTable(deductionRows(content));
}
