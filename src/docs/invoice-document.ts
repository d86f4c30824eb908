/**
 * The invoice's content and how it is written into a Google Doc: either a copy of the
 * template set in Settings, whose `{{placeholders}}` are replaced, or the built-in layout.
 * Both writers can run again on a document a stopped run left half-written and end with
 * the same document: placeholders that are already replaced are simply not found again,
 * the deductions table is not inserted twice, and the built-in layout is rewritten whole.
 */
import { formatHours, formatMoney } from '../core/quantities';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
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

/** Placeholder name -> text. Money is shown without the code, which has `{{currency}}`. */
export function placeholderValues(c: InvoiceContent): Record<(typeof TEXT_PLACEHOLDERS)[number], string> {
  return {
    invoice_no: c.invoiceNo,
    date: c.date,
    client: c.client,
    billing_email: c.billingEmail,
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
    ...c.lines.map((l) => columns(l.date, l.person, l.description, formatHours(l.minutes))),
    columns('Total', '', '', formatHours(total)),
  ];
}

/** A regular expression matching `{{name}}` exactly (Docs' replaceText and findText take one). */
function placeholderPattern(name: string): string {
  return `\\{\\{${name}\\}\\}`;
}

/**
 * replaceText's replacement is a Java replacement string: `$` and `\` are special there,
 * so a client called "Cash $1" must be escaped to arrive as typed.
 */
export function literalReplacement(text: string): string {
  return text.replace(/[\\$]/g, (ch) => `\\${ch}`);
}

function tableMatches(element: Element, rows: string[][], documentApp: DocumentApp): boolean {
  if (element.getType() !== documentApp.ElementType.TABLE) return false;
  const table = element.asTable();
  if (table.getNumRows() !== rows.length) return false;
  const same = (r: number) => rows[r].every((text, c) => table.getCell(r, c).getText() === text);
  return same(0) && same(rows.length - 1);
}

/** The element directly inside the body that holds `element` (a paragraph, list item or table). */
function topLevel(element: Element, documentApp: DocumentApp): Element {
  let current = element;
  while (current.getParent() && current.getParent().getType() !== documentApp.ElementType.BODY_SECTION) current = current.getParent();
  return current;
}

/**
 * Fills a template copy: each text placeholder is replaced, then the paragraph holding
 * `{{deductions}}` is replaced by the table. The table goes in before the placeholder
 * paragraph is removed, and a re-run that finds its own table already there does not
 * insert another.
 */
export function fillTemplate(body: Body, content: InvoiceContent, documentApp: DocumentApp): void {
  const values = placeholderValues(content);
  for (const name of TEXT_PLACEHOLDERS) body.replaceText(placeholderPattern(name), literalReplacement(values[name]));
  const found = body.findText(placeholderPattern('deductions'));
  if (!found) return;
  const holder = topLevel(found.getElement(), documentApp);
  const index = body.getChildIndex(holder);
  const rows = deductionRows(content);
  if (!(index > 0 && tableMatches(body.getChild(index - 1), rows, documentApp))) body.insertTable(index, rows);
  // A body must end with a paragraph: the last one is emptied instead of removed.
  if (body.getChildIndex(holder) === body.getNumChildren() - 1) holder.asParagraph().setText('');
  else holder.removeFromParent();
}

/** Writes the built-in layout over whatever the document holds. */
export function writeBuiltInLayout(body: Body, content: InvoiceContent, documentApp: DocumentApp): void {
  const { ParagraphHeading } = documentApp;
  const money = (cents: number) => formatMoney(cents, content.currency);
  body.clear();
  const title = body.getChild(0).asParagraph();
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
