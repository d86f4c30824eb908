/**
 * Staying current: a client's file is rewritten after every authorization, reversal,
 * top-up and adjustment that touches the client, after an invoice is paid, and by the
 * hourly trigger; clients without a file get none, and other clients' files are left alone.
 */
import { standardWorkbook } from '../../harness/workbook';
import { clientLogFiles, logTab, summaryTab } from '../../harness/client-log';

const HOUR = 3_600_000;

function exported() {
  const addon = standardWorkbook();
  const { url } = addon.server.exportPrepaidLog('Acme');
  const labs = addon.server.exportPrepaidLog('Acme Labs').url;
  return { addon, url, labs };
}

const kinds = (addon: ReturnType<typeof standardWorkbook>, url: string) => logTab(addon, url).map((r) => `${r.Kind} ${r.Hours}`);

describe('refresh after each kind of change', () => {
  it('after an authorization', () => {
    const { addon, url, labs } = exported();
    addon.server.authorizeEntries(['E-1']);
    expect(kinds(addon, url)).toEqual(['Top-up 10', 'Deduction -1.5']);
    expect(summaryTab(addon, url)['Hours remaining']).toBe(8.5);
    expect(kinds(addon, labs)).toEqual(['Top-up 4']);
  });

  it('after a reversal', () => {
    const { addon, url } = exported();
    addon.server.authorizeEntries(['E-2']);
    addon.server.reverseEntries(['E-2'], 'Billed to the wrong client');
    expect(kinds(addon, url)).toEqual(['Top-up 10', 'Deduction -2', 'Reversal 2']);
    expect(logTab(addon, url)[2]).toMatchObject({ Description: 'Billed to the wrong client', Invoice: '', 'Balance (h)': 10 });
  });

  it('after a top-up and an adjustment', () => {
    const { addon, url } = exported();
    addon.server.addCredits('Acme', 5, 'Extra block');
    addon.server.adjustCredits('Acme', '-0:30', 'Goodwill correction');
    expect(kinds(addon, url)).toEqual(['Top-up 10', 'Top-up 5', 'Adjustment -0.5']);
    expect(summaryTab(addon, url)).toMatchObject({ 'Hours purchased': 15, 'Adjustments (h)': -0.5, 'Hours remaining': 14.5 });
  });

  it('after an invoice opens and is paid', () => {
    const { addon, url } = exported();
    addon.server.saveClientSettings('Acme', { autoInvoice: true, minimumHours: 9, topUpHours: 20, hourlyRate: 90, currency: 'EUR' });
    const authorized = addon.server.authorizeEntries(['E-1', 'E-2']);
    const invoiceNo = /INV-\d{4}-\d{4}/.exec(authorized.summary)?.[0];
    expect(invoiceNo).toBeTruthy();
    expect(summaryTab(addon, url)['Top-up invoice open']).toBe(`Yes: ${invoiceNo}`);
    addon.server.markInvoicePaid(invoiceNo!);
    expect(summaryTab(addon, url)['Top-up invoice open']).toBe('No');
    expect(logTab(addon, url).pop()).toMatchObject({ Kind: 'Top-up', Hours: 20, Invoice: invoiceNo });
  });

  it('by the hourly trigger, for every client with a file', () => {
    const { addon, url, labs } = exported();
    addon.server.installInvoicingTrigger();
    addon.emu.clock.advance(26 * HOUR);
    expect(addon.emu.fireTimeTriggers(addon.bundle as never)).toEqual(['runAutomaticInvoicing']);
    expect(summaryTab(addon, url)['Report date']).toBe('2026-01-06 12:00');
    expect(summaryTab(addon, labs)['Report date']).toBe('2026-01-06 12:00');
  });

  it('makes no file for a client that has none', () => {
    const addon = standardWorkbook();
    addon.server.exportPrepaidLog('Acme');
    addon.server.authorizeEntries(['E-3']);
    expect(clientLogFiles(addon, 'Acme Labs')).toHaveLength(0);
  });

  it('reports a file it cannot open without failing the change', () => {
    const { addon, url } = exported();
    addon.emu.files.get(/\/d\/([^/]+)/.exec(url)![1])!.trashed = true;
    const result = addon.server.authorizeEntries(['E-1']);
    expect(result.done).toHaveLength(1);
    expect(result.summary).toMatch(/The prepaid log of Acme was not refreshed: .*Export it again/);
    const again = addon.server.exportPrepaidLog('Acme');
    expect(again.created).toBe(true);
    expect(again.url).not.toBe(url);
    expect(kinds(addon, again.url)).toEqual(['Top-up 10', 'Deduction -1.5']);
  });
});
