/**
 * Automatic invoicing on the emulator, through the built bundle: crossing and not,
 * exactly at the minimum, several clients in one run, re-arming after payment, one
 * invoice per crossing however often it runs, the invoice's documents, template
 * placeholders, bad settings as reasons, email on and off, and when credits are added.
 */
import { addEntries, addonWithSheets, addClients, balances, EDITOR, OWNER, rows } from '../../harness/workbook';
import { invoices, invoicingWorkbook, liveFiles, templateDoc } from '../../harness/invoicing';

describe('which clients are invoiced', () => {
  it('invoices a client whose balance crossed below its minimum: a Doc and a PDF in the folder, the row Open, Last invoice set', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']); // Acme 10 -> 4 h, minimum 5 h
    const run = addon.server.runAutomaticInvoicing();
    expect(run.created.map((v) => [v.invoiceNo, v.client, v.minutes, v.amountCents, v.currency, v.status])).toEqual([
      ['INV-2026-0001', 'Acme', 1200, 180000, 'EUR', 'Open'],
    ]);
    expect(run.problems).toEqual([]);
    const [row] = invoices(addon);
    expect(row).toMatchObject({
      'Invoice no': 'INV-2026-0001',
      Client: 'Acme',
      Hours: 20,
      Rate: 90,
      Amount: 1800,
      Currency: 'EUR',
      Status: 'Open',
      Emailed: '',
    });
    const doc = addon.emu.files.get(String(row['Doc ID']))!;
    const pdf = addon.emu.files.get(String(row['PDF ID']))!;
    expect([doc.name, doc.mimeType, pdf.name, pdf.mimeType]).toEqual([
      'INV-2026-0001 Acme',
      'application/vnd.google-apps.document',
      'INV-2026-0001 Acme.pdf',
      'application/pdf',
    ]);
    const folderId = addon.server.getSettings().invoiceFolderId;
    expect(addon.emu.files.get(folderId)?.name).toBe('Prepaid Time invoices (Prepaid Time)');
    expect(doc.parents).toEqual([folderId]);
    expect(pdf.parents).toEqual([folderId]);
    expect(row.Document).toContain(doc.id);
    expect(row.PDF).toContain(pdf.id);
    // The PDF was exported after saveAndClose: it holds the filled-in invoice.
    const printed = addon.emu.files.content(pdf.id);
    expect(printed).toContain('Invoice INV-2026-0001');
    expect(printed).toContain('EUR 1,800.00');
    expect(printed).toContain('Design');
    expect(printed).toContain('Your prepaid balance is 4.00 h, below the minimum of 5.00 h.');
    expect(rows(addon, 'Credits').find((r) => r.Client === 'Acme')?.['Last invoice']).toBe('INV-2026-0001');
    // Credit on payment (the default): the balance has not moved yet.
    expect(balances(addon).Acme).toBe(4);
  });

  it('does not invoice a client still above its minimum, nor one exactly at it', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1']); // Acme 10 -> 6 h
    addEntries(addon, [{ 'Entry ID': 'E-9', Client: 'Acme', Hours: 1 }]);
    addon.server.authorizeEntries(['E-9']); // exactly 5 h
    expect(addon.server.runAutomaticInvoicing().summary).toBe('Invoicing: no client needed an invoice.');
    expect(invoices(addon)).toEqual([]);
    addEntries(addon, [{ 'Entry ID': 'E-10', Client: 'Acme', Hours: '1m' }]);
    addon.server.authorizeEntries(['E-10']); // one minute below
    expect(addon.server.runAutomaticInvoicing().created.map((v) => v.client)).toEqual(['Acme']);
  });

  it('invoices several clients in one run with consecutive numbers', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
    const run = addon.server.runAutomaticInvoicing();
    expect(run.created.map((v) => [v.invoiceNo, v.client, v.amountCents, v.currency])).toEqual([
      ['INV-2026-0001', 'Acme', 180000, 'EUR'],
      ['INV-2026-0002', 'Beta', 120000, 'USD'],
    ]);
    expect(
      liveFiles(addon)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['INV-2026-0001 Acme', 'INV-2026-0001 Acme.pdf', 'INV-2026-0002 Beta', 'INV-2026-0002 Beta.pdf']);
  });

  it('gives one invoice per crossing, however often it runs, from the menu or the trigger', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.installInvoicingTrigger();
    addon.server.runAutomaticInvoicing();
    for (let hour = 0; hour < 3; hour++) {
      addon.emu.clock.advance(3_600_000);
      expect(addon.emu.fireTimeTriggers(addon.bundle)).toEqual(['runAutomaticInvoicing']);
    }
    addon.server.runAutomaticInvoicing();
    expect(invoices(addon).map((r) => r['Invoice no'])).toEqual(['INV-2026-0001']);
    expect(addon.server.getInvoicingStatus().lastRun?.summary).toBe('Invoicing: 1 client below minimum already invoiced.');
  });

  it('re-arms after payment: the next crossing gets the next invoice, listing only the deductions since the last one', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']); // 4 h
    addon.server.runAutomaticInvoicing();
    addon.server.markInvoicePaid('INV-2026-0001'); // +20 -> 24 h, back above 5 h
    expect(addon.server.runAutomaticInvoicing().created).toEqual([]);
    addEntries(addon, [{ 'Entry ID': 'E-20', Client: 'Acme', Hours: 19.5, Description: 'Migration' }]);
    addon.server.authorizeEntries(['E-20'], { confirmed: ['E-20'] }); // 4.5 h: a second crossing (over 12 h in one entry, confirmed)
    const run = addon.server.runAutomaticInvoicing();
    expect(run.created.map((v) => v.invoiceNo)).toEqual(['INV-2026-0002']);
    const second = addon.emu.files.content(String(invoices(addon)[1]['PDF ID']));
    expect(second).toContain('Migration');
    expect(second).not.toContain('Design');
    expect(rows(addon, 'Credits').find((r) => r.Client === 'Acme')?.['Last invoice']).toBe('INV-2026-0002');
  });

  it('right after an authorization that crosses, when Settings ask for it (the default)', () => {
    const addon = invoicingWorkbook({ invoiceAfterAuthorization: true });
    const result = addon.server.authorizeEntries(['E-1', 'E-2']);
    expect(result.summary).toMatch(/Invoicing: created INV-2026-0001\.$/);
    expect(invoices(addon).map((r) => [r['Invoice no'], r.Status])).toEqual([['INV-2026-0001', 'Open']]);
    // Only the touched client: Beta is not below its minimum, and nothing else is read or written for it.
    expect(addon.server.authorizeEntries(['E-3']).summary).toMatch(/Invoicing: created INV-2026-0002\.$/);
  });

  it('not right after an authorization when Settings turn it off', () => {
    const addon = invoicingWorkbook({ invoiceAfterAuthorization: false });
    expect(addon.server.authorizeEntries(['E-1', 'E-2']).summary).not.toMatch(/Invoic/);
    expect(invoices(addon)).toEqual([]);
  });
});

describe('bad settings', () => {
  it('reports a client with a missing rate or a top-up of 0, and invoices the others', () => {
    const addon = addonWithSheets();
    addon.server.saveSettings({ invoiceAfterAuthorization: false });
    addClients(addon, [
      { Client: 'NoRate', 'Hourly rate': '', 'Minimum balance (h)': 5, 'Top-up (h)': 10, 'Auto-invoice': true },
      { Client: 'NoTopUp', 'Minimum balance (h)': 5, 'Top-up (h)': 0, 'Auto-invoice': true },
      { Client: 'Fine', 'Minimum balance (h)': 5, 'Top-up (h)': 10, 'Auto-invoice': true },
    ]);
    for (const client of ['NoRate', 'NoTopUp', 'Fine']) addon.server.addCredits(client, 1, 'Start');
    const run = addon.server.runAutomaticInvoicing();
    expect(run.created.map((v) => v.client)).toEqual(['Fine']);
    expect(run.problems.map((p) => [p.client, p.code])).toEqual([
      ['NoRate', 'no-rate'],
      ['NoTopUp', 'no-top-up'],
    ]);
    expect(run.summary).toMatch(/NoRate is below its minimum but has no Hourly rate/);
    expect(invoices(addon).map((r) => r['Invoice no'])).toEqual(['INV-2026-0001']);
  });

  it('refuses an unknown template ID or a folder without access with a clear message, using no number', () => {
    for (const change of [{ invoiceTemplateId: 'no-such-doc' }, { invoiceFolderId: 'no-such-folder' }]) {
      const addon = invoicingWorkbook(change);
      addon.server.authorizeEntries(['E-1', 'E-2']);
      const run = addon.server.runAutomaticInvoicing();
      expect(run.created).toEqual([]);
      expect(run.problems).toEqual([expect.objectContaining({ client: 'Acme', code: 'documents' })]);
      expect(run.problems[0].message).toMatch(/cannot be opened|not a Google Doc the add-on can open/);
      expect(run.problems[0].message).toMatch(/Settings/);
      expect(invoices(addon)).toEqual([]);
      // Fixed: the next run makes INV-2026-0001, so no number was lost.
      addon.server.saveSettings({ invoiceTemplateId: '', invoiceFolderId: '' });
      expect(addon.server.runAutomaticInvoicing().created.map((v) => v.invoiceNo)).toEqual(['INV-2026-0001']);
    }
  });
});

describe('the template', () => {
  it('fills every placeholder and puts the deductions table where {{deductions}} was', () => {
    const addon = invoicingWorkbook();
    const id = templateDoc(addon, [
      'INVOICE {{invoice_no}} of {{date}}',
      'To: {{client}} <{{billing_email}}>',
      '{{hours}} h at {{rate}} {{currency}} = {{amount}} {{currency}}',
      'Balance {{balance}} h (minimum {{minimum}} h)',
      '{{deductions}}',
      'Thank you.',
    ]);
    addon.server.saveSettings({ invoiceTemplateId: id });
    addClients(addon, [{ Client: 'Cash $1 \\ {{amount}}', 'Billing email': 'c@cash.test', 'Minimum balance (h)': 1, 'Top-up (h)': 5, 'Auto-invoice': true }]);
    addon.server.addCredits('Cash $1 \\ {{amount}}', 2, 'Start');
    addEntries(addon, [{ 'Entry ID': 'E-C', Client: 'Cash $1 \\ {{amount}}', Hours: 1.5, Description: 'Call about {{client}}', Person: 'Ann' }]);
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-C']);
    addon.server.runAutomaticInvoicing();
    const [acme, cash] = invoices(addon);
    const doc = addon.emu.files.get(String(acme['Doc ID']))!;
    const texts = doc.document!.saved.elements.map((e) => (e.type === 'TABLE' ? e.rows.map((r) => r.map((c) => c.text)) : 'text' in e ? e.text : e.type));
    expect(texts).toEqual([
      'INVOICE INV-2026-0001 of 2026-01-05',
      'To: Acme <ap@acme.test>',
      '20.00 h at 90.00 EUR = 1,800.00 EUR',
      'Balance 4.00 h (minimum 5.00 h)',
      [
        ['Date', 'Person', 'Description', 'Hours'],
        ['2026-01-05', 'Ann', 'Design', '4.00'],
        ['2026-01-05', 'Bob', 'Build', '2.00'],
        ['Total', '', '', '6.00'],
      ],
      'Thank you.',
    ]);
    // The template itself is untouched, and user text arrives as typed, never taken for a placeholder.
    expect(addon.emu.files.content(id)).toContain('{{invoice_no}}');
    const cashText = addon.emu.files.content(String(cash['PDF ID']));
    expect(cashText).toContain('To: Cash $1 \\ {\u200B{amount}}');
    expect(cashText).toContain('Call about {\u200B{client}}');
    expect(cashText.split('<body>')[1]).not.toMatch(/\{\{/);
  });

  it('hides who did the work, or what it was, when the client-log settings hide it', () => {
    const addon = invoicingWorkbook({ clientLogPerson: 'hidden', clientLogShowDescriptions: false });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.runAutomaticInvoicing();
    const doc = addon.emu.files.get(String(invoices(addon)[0]['Doc ID']))!;
    const tables = doc.document!.saved.elements.filter((e) => e.type === 'TABLE');
    expect(tables[1]).toEqual({
      type: 'TABLE',
      rows: [
        ['Date', 'Hours'],
        ['2026-01-05', '4.00'],
        ['2026-01-05', '2.00'],
        ['Total', '6.00'],
      ].map((r) => r.map((text) => ({ text, bold: false }))),
    });
  });
});

describe('email', () => {
  it('sends the PDF to the billing email when on, and records it', () => {
    const addon = invoicingWorkbook({ emailInvoices: true });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    const run = addon.server.runAutomaticInvoicing();
    expect(run.problems).toEqual([]);
    expect(addon.emu.mail).toHaveLength(1);
    const [mail] = addon.emu.mail;
    expect(mail.to).toBe('ap@acme.test');
    expect(mail.subject).toBe('Invoice INV-2026-0001: top-up of prepaid hours');
    expect(mail.attachments.map((a) => [a.name, a.contentType])).toEqual([['INV-2026-0001 Acme.pdf', 'application/pdf']]);
    expect(Buffer.from(mail.attachments[0].bytes).toString()).toContain('Invoice INV-2026-0001');
    expect(invoices(addon)[0].Emailed).toBe('Sent 2026-01-05 10:00 to ap@acme.test');
    addon.server.runAutomaticInvoicing();
    expect(addon.emu.mail).toHaveLength(1);
  });

  it('sends nothing when off (the default)', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.runAutomaticInvoicing();
    expect(addon.emu.mail).toEqual([]);
    expect(invoices(addon)[0].Emailed).toBe('');
  });

  it('reports a used-up quota or a missing billing email instead of swallowing it; the invoice is still made', () => {
    const addon = invoicingWorkbook({ emailInvoices: true });
    addon.emu.mailQuota = 0;
    addon.server.authorizeEntries(['E-1', 'E-2']);
    const run = addon.server.runAutomaticInvoicing();
    expect(run.created.map((v) => v.status)).toEqual(['Open']);
    expect(run.problems).toEqual([expect.objectContaining({ client: 'Acme', code: 'email', invoiceNo: 'INV-2026-0001' })]);
    expect(run.summary).toMatch(/was not emailed: the daily email quota .* is used up\. Send the PDF by hand\./);
    expect(invoices(addon)[0].Emailed).toBe('Not sent: the daily email quota of this Google account is used up.');
    expect(addon.emu.mail).toEqual([]);

    const noEmail = addonWithSheets();
    noEmail.server.saveSettings({ emailInvoices: true, invoiceAfterAuthorization: false });
    addClients(noEmail, [{ Client: 'Quiet', 'Minimum balance (h)': 5, 'Top-up (h)': 5, 'Auto-invoice': true }]);
    noEmail.server.addCredits('Quiet', 1, 'Start');
    expect(noEmail.server.runAutomaticInvoicing().problems.map((p) => p.message)).toEqual([
      'INV-2026-0001 for Quiet was not emailed: Quiet has no Billing email in Credits. Send the PDF by hand.',
    ]);
  });
});

describe('when credits are added', () => {
  it('on payment (the default): markInvoicePaid writes one Top-up referencing the invoice; paying again changes nothing', () => {
    const addon = invoicingWorkbook();
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.runAutomaticInvoicing();
    expect(rows(addon, 'Prepaid log').filter((r) => r.Reference)).toEqual([]);
    const paid = addon.server.markInvoicePaid('INV-2026-0001');
    expect(paid).toMatchObject({ changed: true, invoice: { status: 'Paid' } });
    expect(paid.summary).toBe("INV-2026-0001 is paid. Acme was credited with the invoice's hours: balance 24.00 h.");
    const topUps = () =>
      rows(addon, 'Prepaid log')
        .filter((r) => r.Reference === 'INV-2026-0001')
        .map((r) => [r.Kind, r.Hours, r.Description]);
    expect(topUps()).toEqual([['Top-up', 20, 'Invoice INV-2026-0001 paid']]);
    expect(balances(addon).Acme).toBe(24);
    const again = addon.server.markInvoicePaid(' INV-2026-0001 ');
    expect(again).toMatchObject({ changed: false, summary: 'INV-2026-0001 was already paid; nothing changed.' });
    expect(topUps()).toHaveLength(1);
    expect(addon.server.checkLedger().ok).toBe(true);
  });

  it('on issue: the Top-up is written with the invoice, and payment only changes the status', () => {
    const addon = invoicingWorkbook({ creditOn: 'issue' });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.runAutomaticInvoicing();
    const topUps = () =>
      rows(addon, 'Prepaid log')
        .filter((r) => r.Reference === 'INV-2026-0001')
        .map((r) => [r.Kind, r.Hours, r.Description]);
    expect(topUps()).toEqual([['Top-up', 20, 'Invoice INV-2026-0001 issued']]);
    expect(balances(addon).Acme).toBe(24);
    expect(addon.server.markInvoicePaid('INV-2026-0001')).toMatchObject({ changed: true, topUpLogId: '', invoice: { status: 'Paid' } });
    expect(topUps()).toHaveLength(1);
    expect(balances(addon).Acme).toBe(24);
  });

  it('refuses unknown and unfinished invoices, and people who are not authorizers', () => {
    const addon = invoicingWorkbook();
    expect(() => addon.server.markInvoicePaid('INV-2099-0001')).toThrow(/There is no invoice "INV-2099-0001"/);
    expect(() => addon.server.markInvoicePaid('')).toThrow(/needs an invoice number/);
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.emu.faults.failOn('File.getAs', 'Conversion failed');
    addon.server.runAutomaticInvoicing();
    expect(() => addon.server.markInvoicePaid('INV-2026-0001')).toThrow(/not finished yet \(Pending\)\. Choose Run invoicing now/);
    addon.emu.faults.clear();
    addon.server.runAutomaticInvoicing();
    expect(() => addon.as(EDITOR).markInvoicePaid('INV-2026-0001')).toThrow(/Only authorizers/);
    expect(() => addon.as(EDITOR).runAutomaticInvoicing()).toThrow(/Only authorizers/);
    expect(invoices(addon)[0].Status).toBe('Open');
  });
});

describe('the menu', () => {
  it('has Run invoicing now, which reports in a toast', () => {
    const addon = invoicingWorkbook();
    addon.server.onOpen();
    expect(addon.emu.ui.menus.at(-1)?.items).toContainEqual({ caption: 'Run invoicing now', fn: 'menuRunInvoicing' });
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.menuRunInvoicing();
    expect(addon.emu.ui.toasts.at(-1)?.message).toBe('Invoicing: created INV-2026-0001.');
  });
});

describe('the hourly trigger', () => {
  it('installs once per user and document, runs as its installer, reports its last run, and is removed', () => {
    const addon = invoicingWorkbook();
    addon.server.saveSettings({ authorizers: [OWNER, EDITOR] });
    expect(addon.server.getInvoicingStatus()).toMatchObject({
      yours: false,
      installedBy: '',
      lastRun: null,
      summary: 'Hourly invoicing is off. Invoicing has not run yet.',
    });
    addon.server.installInvoicingTrigger();
    const status = addon.server.installInvoicingTrigger();
    expect(status).toMatchObject({ yours: true, installedBy: OWNER });
    const triggers = (addon.emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).getProjectTriggers();
    expect(triggers.map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([['runAutomaticInvoicing', 'CLOCK']]);
    // Another authorizer sees it is on, and who installed it.
    expect(addon.as(EDITOR).getInvoicingStatus()).toMatchObject({ yours: false, installedBy: OWNER });
    expect(addon.as(EDITOR).getInvoicingStatus().summary).toMatch(/^Hourly invoicing is on \(installed by owner@agency.test\)\./);

    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.emu.clock.advance(3_600_000);
    addon.emu.fireTimeTriggers(addon.bundle);
    const after = addon.as(EDITOR).getInvoicingStatus();
    expect(after.lastRun).toMatchObject({ by: OWNER, created: ['INV-2026-0001'], problems: 0 });
    expect(after.summary).toMatch(/Last run 2026-01-05T10:00:00.000Z by owner@agency.test: Invoicing: created INV-2026-0001\./);

    expect(addon.server.removeInvoicingTrigger()).toMatchObject({ yours: false, installedBy: '' });
    expect((addon.emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).getProjectTriggers()).toEqual([]);
  });

  it('may only be installed or removed by an authorizer', () => {
    const addon = invoicingWorkbook();
    expect(() => addon.as(EDITOR).installInvoicingTrigger()).toThrow(/Only authorizers/);
    expect(() => addon.as(EDITOR).removeInvoicingTrigger()).toThrow(/Only authorizers/);
  });
});

describe('hostile text on an invoice', () => {
  it('shows formula-like and markup-like text from the sheet exactly as typed, as plain text in the Doc', () => {
    const addon = invoicingWorkbook();
    const formula = '=IMPORTRANGE("https://evil.example","A1")';
    addEntries(addon, [{ 'Entry ID': 'E-H', Client: 'Acme', Hours: 1, Description: `'${formula}`, Person: '<script>alert(1)</script>' }]);
    addon.server.authorizeEntries(['E-1', 'E-2', 'E-H']);
    addon.server.runAutomaticInvoicing();
    const [acme] = invoices(addon);
    const doc = addon.emu.files.get(String(acme['Doc ID']))!;
    const table = doc.document!.saved.elements.find((e) => e.type === 'TABLE' && e.rows.some((r) => r.some((c) => c.text === formula)));
    expect(table && table.type === 'TABLE' && table.rows.find((r) => r[2].text === formula)?.map((c) => c.text)).toEqual([
      '2026-01-05',
      '<script>alert(1)</script>',
      formula,
      '1.00',
    ]);
  });
});
