/**
 * The `Invoices` sheet: one row per invoice, identified by its number, never by its row.
 * A row is written first with Status `Pending` (that is what allocates the number) and is
 * completed in place as its Doc and PDF come into existence, so a stopped run leaves a
 * row the next run can finish instead of a used number with nothing behind it.
 */
import type { InvoiceFacts, InvoicePlan } from '../core/invoicing';
import { hoursToMinutes, minutesToHours, parseMoney } from '../core/quantities';
import { asText, cellString, cellTime } from './cell-text';
import { INVOICES } from './schema';
import { SheetTable } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface InvoiceRow extends InvoiceFacts {
  /** Index into the sheet's data rows, for writing back; never an identity. */
  index: number;
  date: number | null;
  /** Null when the Hours cell is not a number (a row typed by hand). */
  minutes: number | null;
  rateCents: number | null;
  amountCents: number | null;
  currency: string;
  document: string;
  pdf: string;
  docId: string;
  pdfId: string;
  through: string;
  emailed: string;
}

/** The cells a completion step writes, by header. */
export type InvoiceCells = Partial<Record<'Status' | 'Document' | 'PDF' | 'Doc ID' | 'PDF ID' | 'Emailed', string>>;

function cents(value: unknown): number | null {
  const parsed = parseMoney(value);
  return parsed.ok ? parsed.value : null;
}

export class InvoicesRepository {
  readonly rows: InvoiceRow[] = [];
  /** Rows whose Invoice no was cleared by hand: not invoices any more, but the crossing they record stays invoiced. */
  readonly unnumbered: InvoiceFacts[] = [];

  private constructor(private readonly table: SheetTable) {
    for (const index of table.nonBlankIndexes()) {
      const invoiceNo = cellString(table.get(index, 'Invoice no'));
      if (!invoiceNo) {
        const crossing = cellString(table.get(index, 'Crossing'));
        if (crossing)
          this.unnumbered.push({ invoiceNo: '', client: cellString(table.get(index, 'Client')), status: cellString(table.get(index, 'Status')), crossing });
        continue;
      }
      const hours = table.get(index, 'Hours');
      this.rows.push({
        index,
        invoiceNo,
        date: cellTime(table.get(index, 'Date')),
        client: cellString(table.get(index, 'Client')),
        minutes: typeof hours === 'number' && Number.isFinite(hours) ? hoursToMinutes(hours) : null,
        rateCents: cents(table.get(index, 'Rate')),
        amountCents: cents(table.get(index, 'Amount')),
        currency: cellString(table.get(index, 'Currency')),
        status: cellString(table.get(index, 'Status')),
        document: cellString(table.get(index, 'Document')),
        pdf: cellString(table.get(index, 'PDF')),
        emailed: cellString(table.get(index, 'Emailed')),
        crossing: cellString(table.get(index, 'Crossing')),
        through: cellString(table.get(index, 'Log through')),
        docId: cellString(table.get(index, 'Doc ID')),
        pdfId: cellString(table.get(index, 'PDF ID')),
      });
    }
  }

  /** Reads the sheet with one getValues; throws a SchemaError naming a missing column. */
  static read(spreadsheet: Spreadsheet): InvoicesRepository {
    return new InvoicesRepository(SheetTable.read(spreadsheet, INVOICES));
  }

  /** The invoice with this number (exact, trimmed), if any. */
  find(invoiceNo: string): InvoiceRow | undefined {
    const key = cellString(invoiceNo);
    return this.rows.find((r) => r.invoiceNo === key);
  }

  /**
   * Appends `Pending` rows for planned invoices in one block. This is the write that uses
   * their numbers, so it happens before any document exists.
   */
  appendPending(invoices: readonly { invoiceNo: string; plan: InvoicePlan }[], date: number): InvoiceRow[] {
    const start = this.table.rows.length;
    this.table.append(
      invoices.map(({ invoiceNo, plan }) => ({
        'Invoice no': asText(invoiceNo),
        Date: new Date(date),
        Client: asText(plan.client),
        Hours: minutesToHours(plan.minutes),
        Rate: plan.rateCents / 100,
        Amount: plan.amountCents / 100,
        Currency: asText(plan.currency),
        Status: 'Pending',
        Crossing: asText(plan.crossing),
        'Log through': asText(plan.through),
      })),
    );
    const added = invoices.map(({ invoiceNo, plan }, i) => ({
      index: start + i,
      invoiceNo,
      date,
      client: plan.client,
      minutes: plan.minutes,
      rateCents: plan.rateCents,
      amountCents: plan.amountCents,
      currency: plan.currency,
      status: 'Pending',
      document: '',
      pdf: '',
      emailed: '',
      crossing: plan.crossing,
      through: plan.through,
      docId: '',
      pdfId: '',
    }));
    this.rows.push(...added);
    return added;
  }

  /** Writes cells of one invoice in one batch and updates the row in memory. */
  update(row: InvoiceRow, cells: InvoiceCells): void {
    const entries = Object.entries(cells) as [keyof InvoiceCells, string][];
    this.table.write(entries.map(([header, value]) => ({ index: row.index, header, value: asText(value) })));
    for (const [header, value] of entries) {
      if (header === 'Status') row.status = value;
      else if (header === 'Document') row.document = value;
      else if (header === 'PDF') row.pdf = value;
      else if (header === 'Doc ID') row.docId = value;
      else if (header === 'PDF ID') row.pdfId = value;
      else row.emailed = value;
    }
  }
}
