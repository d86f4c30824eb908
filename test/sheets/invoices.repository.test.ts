/**
 * The Invoices sheet on the emulator: Pending rows appended in one block read back the
 * same with one getValues, a completion step writes its cells in one block, rows are
 * found by number, and rows typed by hand are read without being trusted.
 */
import { readRows } from '../../emulator/sheet-rows';
import type { InvoicePlan } from '../../src/core/invoicing';
import { InvoicesRepository } from '../../src/sheets/invoices.repository';
import { dataCallsOf, setUpApps, thrownBy } from '../../harness/emulated';

const DAY = Date.UTC(2026, 0, 5);

function aPlan(overrides: Partial<InvoicePlan> = {}): InvoicePlan {
  return { client: 'Acme', crossing: 'L-7', through: 'L-9', minutes: 1200, rateCents: 8550, amountCents: 171000, currency: 'EUR', ...overrides };
}

/** A set-up workbook with two Pending invoices written by the repository. */
function invoiced() {
  const apps = setUpApps();
  const added = InvoicesRepository.read(apps.spreadsheet).appendPending(
    [
      { invoiceNo: 'INV-2026-0001', plan: aPlan() },
      { invoiceNo: '0002', plan: aPlan({ client: '=Globex', crossing: 'L-8', through: 'L-8', minutes: 90, rateCents: 10000, amountCents: 15000 }) },
    ],
    DAY,
  );
  return { ...apps, added, sheet: apps.spreadsheet.getSheetByName('Invoices')! };
}

describe('InvoicesRepository', () => {
  it('appends Pending rows in one block that read back the same, with one getValues', () => {
    const apps = setUpApps();
    const repo = InvoicesRepository.read(apps.spreadsheet);
    const { value: added, calls } = dataCallsOf(apps.emu, () => repo.appendPending([{ invoiceNo: 'INV-2026-0001', plan: aPlan() }], DAY));
    expect(calls).toEqual({ 'Range.setValues': 1 });
    const { value: again, calls: reads } = dataCallsOf(apps.emu, () => InvoicesRepository.read(apps.spreadsheet));
    expect(reads).toEqual({ 'Range.getValues': 1 });
    expect(again.rows).toEqual(added);
    expect(added[0]).toMatchObject({ index: 0, status: 'Pending', minutes: 1200, rateCents: 8550, amountCents: 171000, date: DAY, through: 'L-9' });
  });

  it('keeps numbers and names as text, and finds an invoice by its trimmed number', () => {
    const { spreadsheet, added } = invoiced();
    const repo = InvoicesRepository.read(spreadsheet);
    expect(repo.rows).toEqual(added);
    expect(readRows(spreadsheet, 'Invoices').map((r) => [r['Invoice no'], r.Client])).toEqual([
      ['INV-2026-0001', 'Acme'],
      ['0002', '=Globex'],
    ]);
    expect(repo.find(' 0002 ')?.client).toBe('=Globex');
    expect(repo.find('0003')).toBeUndefined();
  });

  it('completes a row in place, one setValues per run of columns, and keeps the row in memory in step', () => {
    const { emu, spreadsheet } = invoiced();
    const repo = InvoicesRepository.read(spreadsheet);
    const second = repo.find('0002')!;
    const cells = { Status: 'Open', Document: 'https://docs/1', PDF: 'https://pdf/1', 'Doc ID': 'doc-1', 'PDF ID': 'pdf-1', Emailed: '2026-01-05' };
    // Two runs of columns: Status to Emailed, and Doc ID with PDF ID.
    expect(dataCallsOf(emu, () => repo.update(second, cells)).calls).toEqual({ 'Range.setValues': 2 });
    expect(second).toMatchObject({ status: 'Open', document: 'https://docs/1', pdf: 'https://pdf/1', docId: 'doc-1', pdfId: 'pdf-1', emailed: '2026-01-05' });
    expect(InvoicesRepository.read(spreadsheet).find('0002')).toEqual(second);
    expect(InvoicesRepository.read(spreadsheet).find('INV-2026-0001')?.status).toBe('Pending');
  });

  it('reads hand-typed rows without trusting them: text amounts as null, and a cleared number as a crossing still invoiced', () => {
    const { spreadsheet, sheet } = invoiced();
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const set = (row: number, name: string, value: unknown) => sheet.getRange(row, header.indexOf(name) + 1).setValue(value);
    set(2, 'Hours', 'twenty');
    set(2, 'Amount', '85,50');
    set(3, 'Invoice no', '');
    const repo = InvoicesRepository.read(spreadsheet);
    expect(repo.rows.map((r) => [r.invoiceNo, r.minutes, r.amountCents, r.rateCents])).toEqual([['INV-2026-0001', null, null, 8550]]);
    expect(repo.unnumbered).toEqual([{ invoiceNo: '', client: '=Globex', status: 'Pending', crossing: 'L-8' }]);
  });

  it('refuses a sheet whose Log through column was deleted', () => {
    const { spreadsheet, sheet } = invoiced();
    sheet.deleteColumn(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Log through') + 1);
    expect(thrownBy(() => InvoicesRepository.read(spreadsheet))).toEqual({ code: 'schema', message: expect.stringContaining('no "Log through" column') });
  });
});
