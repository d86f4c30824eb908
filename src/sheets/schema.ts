/**
 * The sheet schema: a public contract documented in the README. Columns are found by
 * header (case- and space-insensitive), so users may reorder them and add their own.
 * `required` columns must exist for an operation to run; the others are optional or
 * added by `setUpSheets`.
 */

export interface ColumnSpec {
  header: string;
  /** The operation refuses to run when this column is missing. */
  required?: boolean;
  /** Number format set by setUpSheets; absent leaves the format Automatic. */
  format?: string;
  /** Optional columns are read when present but not added by setUpSheets. */
  optional?: boolean;
}

export interface SheetSchema {
  name: string;
  columns: ColumnSpec[];
}

export const CREDITS: SheetSchema = {
  name: 'Credits',
  columns: [
    { header: 'Client', required: true },
    { header: 'Type' },
    { header: 'Billing email' },
    { header: 'Hourly rate', format: '#,##0.00' },
    { header: 'Currency' },
    { header: 'Minimum balance (h)', format: '0.00' },
    { header: 'Top-up (h)', format: '0.00' },
    { header: 'Auto-invoice' },
    { header: 'Balance (h)', required: true, format: '0.00' },
    { header: 'Last invoice' },
    { header: 'Rounding (min)', optional: true },
  ],
};

export const TIME_ENTRIES: SheetSchema = {
  name: 'Time entries',
  columns: [
    { header: 'Select' },
    { header: 'Entry ID', required: true },
    { header: 'Date', format: 'yyyy-mm-dd' },
    { header: 'Client', required: true },
    { header: 'Person' },
    { header: 'Description' },
    // Hours stays Automatic: with 0.00 a typed 1:30 reads back as 0.0625, with [h]:mm a typed 2 as 48 hours.
    { header: 'Hours', required: true },
    { header: 'Status', required: true },
    { header: 'Authorized by' },
    { header: 'Authorized at', format: 'yyyy-mm-dd hh:mm' },
    // Why the last action skipped the entry; cleared when it goes through. Next to the status columns, so one block writes both.
    { header: 'Reason' },
  ],
};

export const PREPAID_LOG: SheetSchema = {
  name: 'Prepaid log',
  columns: [
    { header: 'Log ID', required: true },
    { header: 'Timestamp', required: true, format: 'yyyy-mm-dd hh:mm:ss' },
    { header: 'Client', required: true },
    { header: 'Kind', required: true },
    { header: 'Hours', required: true, format: '0.00' },
    { header: 'Balance after (h)', required: true, format: '0.00' },
    { header: 'Entry ID', required: true },
    { header: 'Description', required: true },
    { header: 'By', required: true },
    { header: 'Reference', required: true },
    { header: 'Raw hours', required: true, format: '0.00' },
    { header: 'Person', required: true },
    { header: 'Work date', required: true, format: 'yyyy-mm-dd' },
    { header: 'Checksum', required: true },
  ],
};

export const INVOICES: SheetSchema = {
  name: 'Invoices',
  columns: [
    { header: 'Invoice no', required: true },
    { header: 'Date', required: true, format: 'yyyy-mm-dd' },
    { header: 'Client', required: true },
    { header: 'Hours', required: true, format: '0.00' },
    { header: 'Rate', required: true, format: '#,##0.00' },
    { header: 'Amount', required: true, format: '#,##0.00' },
    { header: 'Currency', required: true },
    { header: 'Status', required: true },
    { header: 'Document', required: true },
    { header: 'PDF', required: true },
    // Added by automatic invoicing: what a resumed run needs to finish an invoice exactly once.
    { header: 'Emailed', required: true },
    { header: 'Crossing', required: true },
    { header: 'Log through', required: true },
    { header: 'Doc ID', required: true },
    { header: 'PDF ID', required: true },
  ],
};

/**
 * The sealed copy of the log (hidden, protected like the log): each row's Log ID and its
 * fields as the add-on sealed them, as JSON. Written only by the add-on.
 */
export const PREPAID_SEAL: SheetSchema = {
  name: 'Prepaid seal',
  columns: [
    { header: 'Log ID', required: true },
    { header: 'Sealed row', required: true },
  ],
};

export const ALL_SHEETS: SheetSchema[] = [CREDITS, TIME_ENTRIES, PREPAID_LOG, INVOICES, PREPAID_SEAL];

/** Header matching ignores case and runs of spaces. */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
