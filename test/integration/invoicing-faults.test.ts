/**
 * Invoicing under faults: a run stopped after each write in turn and run again ends
 * exactly where an uninterrupted run ends (one Doc, one PDF, one number, one Top-up per
 * invoice); a failing Drive step leaves the invoice Pending and the next run finishes it
 * without a gap in the numbers; a second run arriving during the first is told to wait
 * and makes no invoice; a run short of time leaves the rest for the next one.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addEntries, EDITOR, expectEveryStoppedRunToRecover, OWNER } from '../../harness/workbook';
import { invoices, invoicingWorkbook, liveFiles, outcome, templateDoc } from '../../harness/invoicing';

type Scenario = { prepare: () => Addon; operation: (addon: Addon) => unknown };

const folders = (addon: Addon) => addon.emu.files.list().filter((f) => !f.trashed && f.name.startsWith('Prepaid Time invoices')).length;

const scenarios: [string, Scenario][] = [
  [
    'runAutomaticInvoicing, built-in layout, two clients, credit on issue, email on',
    {
      prepare: () => {
        const addon = invoicingWorkbook({ creditOn: 'issue', emailInvoices: true });
        addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
        return addon;
      },
      operation: (addon) => addon.server.runAutomaticInvoicing(),
    },
  ],
  [
    'runAutomaticInvoicing from a template with $ in a client name',
    {
      prepare: () => {
        const addon = invoicingWorkbook();
        const id = templateDoc(addon, ['Invoice {{invoice_no}} for {{client}}', '{{amount}} {{currency}}', '{{deductions}}']);
        addon.server.saveSettings({ invoiceTemplateId: id });
        addClients(addon, [{ Client: 'Cash $ Co', 'Minimum balance (h)': 1, 'Top-up (h)': 5, 'Auto-invoice': true }]);
        addon.server.addCredits('Cash $ Co', 2, 'Start');
        addEntries(addon, [{ 'Entry ID': 'E-C', Client: 'Cash $ Co', Hours: 1.5 }]);
        addon.server.authorizeEntries(['E-1', 'E-2', 'E-C']);
        return addon;
      },
      operation: (addon) => addon.server.runAutomaticInvoicing(),
    },
  ],
  [
    'markInvoicePaid, credit on payment',
    {
      prepare: () => {
        const addon = invoicingWorkbook();
        addon.server.authorizeEntries(['E-1', 'E-2']);
        addon.server.runAutomaticInvoicing();
        return addon;
      },
      operation: (addon) => addon.server.markInvoicePaid('INV-2026-0001'),
    },
  ],
  [
    'authorizeEntries that invoices right after the authorization',
    {
      prepare: () => invoicingWorkbook({ invoiceAfterAuthorization: true, emailInvoices: true }),
      operation: (addon) => addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']),
    },
  ],
];

describe('a run stopped after the k-th write, then run again', () => {
  it.each(scenarios)('%s ends exactly where an uninterrupted run ends', (_name, { prepare, operation }) => {
    const writes = expectEveryStoppedRunToRecover(
      prepare,
      operation,
      (addon) => ({ ...outcome(addon), folders: folders(addon), ledgerOk: addon.server.checkLedger().ok }),
      (addon, reference) => {
        expect(outcome(reference).invoices.map((i) => i.status)).not.toContain('Pending');
        // Every email goes out; a stop right after sending (before the note is written) may send it twice, never more.
        const expectedMail = reference.emu.mail.map((m) => m.to);
        const sent = addon.emu.mail.map((m) => m.to);
        for (const to of new Set(expectedMail)) {
          const count = sent.filter((t) => t === to).length;
          expect(count).toBeGreaterThanOrEqual(expectedMail.filter((t) => t === to).length);
          expect(count).toBeLessThanOrEqual(expectedMail.filter((t) => t === to).length + 1);
        }
      },
    );
    expect(writes).toBeGreaterThan(1);
  });
});

describe('a failing step', () => {
  it('Doc made, PDF failed: the invoice stays Pending with its Doc, and the next run finishes it with the same Doc', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.emu.faults.failOn('File.getAs', 'We are sorry, a server error occurred.');
    const failed = addon.server.runAutomaticInvoicing();
    expect(failed.created).toEqual([]);
    expect(failed.problems).toEqual([expect.objectContaining({ client: 'Acme', invoiceNo: 'INV-2026-0001', code: 'documents' })]);
    expect(failed.summary).toMatch(
      /INV-2026-0001 for Acme is not finished: We are sorry, a server error occurred\. It stays Pending and the next run finishes it\./,
    );
    const [pending] = invoices(addon);
    expect(pending).toMatchObject({ 'Invoice no': 'INV-2026-0001', Status: 'Pending', 'PDF ID': '' });
    expect(pending['Doc ID']).not.toBe('');
    addon.emu.faults.clear();
    const retried = addon.server.runAutomaticInvoicing();
    expect(retried.finished.map((v) => [v.invoiceNo, v.status])).toEqual([['INV-2026-0001', 'Open']]);
    expect(invoices(addon)[0]['Doc ID']).toBe(pending['Doc ID']);
    expect(
      liveFiles(addon)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['INV-2026-0001 Acme', 'INV-2026-0001 Acme.pdf']);
  });

  it('keeps numbers gapless across failures: a failed invoice keeps its number and the others go on', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
    addon.emu.faults.failOn('DocumentApp.create', 'Service unavailable: Documents', 1);
    const first = addon.server.runAutomaticInvoicing();
    expect(first.created.map((v) => v.invoiceNo)).toEqual(['INV-2026-0002']);
    expect(invoices(addon).map((r) => [r['Invoice no'], r.Client, r.Status])).toEqual([
      ['INV-2026-0001', 'Acme', 'Pending'],
      ['INV-2026-0002', 'Beta', 'Open'],
    ]);
    addEntries(addon, [{ 'Entry ID': 'E-7', Client: 'Beta', Hours: 0.5 }]);
    addon.server.markInvoicePaid('INV-2026-0002');
    addEntries(addon, [{ 'Entry ID': 'E-8', Client: 'Beta', Hours: 11 }]);
    addon.server.authorizeEntries(['E-8']);
    const second = addon.server.runAutomaticInvoicing();
    expect(second.finished.map((v) => v.invoiceNo)).toEqual(['INV-2026-0001']);
    expect(second.created.map((v) => v.invoiceNo)).toEqual(['INV-2026-0003']);
    expect(invoices(addon).map((r) => r['Invoice no'])).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
  });
});

describe('two runs at once', () => {
  it('a run arriving at any write of the trigger run is told to wait, writes nothing, and makes no second invoice later', () => {
    const addon = invoicingWorkbook();
    addon.server.saveSettings({ authorizers: [OWNER, EDITOR] });
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
    addon.server.installInvoicingTrigger();
    const refusals: string[] = [];
    let writesDuringRefusals = 0;
    addon.emu.faults.onWrite(() => {
      const before = addon.emu.faults.writes;
      try {
        addon.as(EDITOR).runAutomaticInvoicing();
        refusals.push('ran');
      } catch (error) {
        refusals.push((error as Error).message);
      }
      writesDuringRefusals += addon.emu.faults.writes - before;
    });
    addon.emu.fireTimeTriggers(addon.bundle);
    addon.emu.faults.clear();
    expect(refusals.length).toBeGreaterThan(5);
    expect(new Set(refusals)).toEqual(
      new Set([expect.stringMatching(/updating the prepaid ledger right now\. Nothing was changed: wait a moment and try again\./)]),
    );
    expect(writesDuringRefusals).toBe(0);
    expect(addon.as(EDITOR).runAutomaticInvoicing().created).toEqual([]);
    expect(invoices(addon).map((r) => [r['Invoice no'], r.Client, r.Status])).toEqual([
      ['INV-2026-0001', 'Acme', 'Open'],
      ['INV-2026-0002', 'Beta', 'Open'],
    ]);
  });

  it('markInvoicePaid twice at once credits the invoice once', () => {
    const addon = invoicingWorkbook();
    addon.server.saveSettings({ authorizers: [OWNER, EDITOR] });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.runAutomaticInvoicing();
    let second: unknown = null;
    addon.emu.faults.onWrite(() => {
      if (second) return;
      try {
        second = addon.as(EDITOR).markInvoicePaid('INV-2026-0001');
      } catch (error) {
        second = (error as Error).message;
      }
    });
    addon.server.markInvoicePaid('INV-2026-0001');
    addon.emu.faults.clear();
    expect(second).toMatch(/try again/);
    expect(addon.as(EDITOR).markInvoicePaid('INV-2026-0001').changed).toBe(false);
    expect(outcome(addon).log.filter((r) => r[4] === 'INV-2026-0001')).toEqual([['Acme', 'Top-up', 20, 24, 'INV-2026-0001']]);
  });
});

describe('the 6-minute limit', () => {
  it('stops starting invoices when time runs short, and the next run finishes them', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
    // Each write takes a long minute: Acme's invoice alone takes the run past its budget.
    addon.emu.faults.onWrite(() => addon.emu.clock.advance(61_000));
    const first = addon.server.runAutomaticInvoicing();
    addon.emu.faults.clear();
    expect(first.created.map((v) => v.invoiceNo)).toEqual(['INV-2026-0001']);
    expect(first.left).toEqual(['INV-2026-0002']);
    expect(first.summary).toMatch(/left INV-2026-0002 for the next run/);
    expect(invoices(addon).map((r) => r.Status)).toEqual(['Open', 'Pending']);
    const second = addon.server.runAutomaticInvoicing();
    expect(second.finished.map((v) => v.invoiceNo)).toEqual(['INV-2026-0002']);
  });
});
