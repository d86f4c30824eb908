/**
 * Invoice files on the emulator's Drive: the folder and template from Settings (or a
 * folder made once), refusals a person can act on, each Doc and PDF found again by ID or
 * name before one is made, and a Doc and PDF that hold the invoice.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { GOOGLE_DOCS, PDF, parentIds } from '../../src/drive/find-or-create';
import { defaultFolderName, InvoiceDrive } from '../../src/drive/invoice-files';
import { anInvoiceContent } from '../../harness/builders';
import { type EmulatedApps, emulatedApps } from '../../harness/emulated';

const CONTENT = anInvoiceContent();

/** Opens the invoice Drive with these settings; `saved` collects the folder IDs it hands over. */
function open(apps: EmulatedApps, settings: Partial<Settings> = {}) {
  const saved: string[] = [];
  const result = InvoiceDrive.open(
    apps.driveApp,
    apps.documentApp,
    { ...DEFAULT_SETTINGS, ...settings },
    () => 'Agency',
    (id) => saved.push(id),
  );
  return { result, saved };
}

function opened(apps: EmulatedApps, settings: Partial<Settings> = {}): InvoiceDrive {
  const { result } = open(apps, settings);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.value;
}

describe('InvoiceDrive.open', () => {
  it('makes the folder once, hands over its ID, and never takes a trashed one', () => {
    const apps = emulatedApps();
    apps.driveApp.createFolder(defaultFolderName('Agency')).setTrashed(true);
    const first = open(apps);
    const again = open(apps);
    const id = first.result.ok ? first.result.value.folder.getId() : '';
    expect(first.saved).toEqual([id]);
    expect(again.saved).toEqual([id]);
    expect(apps.emu.files.byName('Prepaid Time invoices (Agency)').filter((f) => !f.trashed)).toHaveLength(1);
  });

  it('uses the folder Settings name', () => {
    const apps = emulatedApps();
    const folder = apps.driveApp.createFolder('Invoices 2026');
    const { result, saved } = open(apps, { invoiceFolderId: folder.getId() });
    expect([result.ok && result.value.folder.getName(), saved]).toEqual(['Invoices 2026', []]);
  });

  it.each([
    [
      'a template that is not a Google Doc',
      (apps: EmulatedApps) => ({ invoiceTemplateId: apps.driveApp.createFile('template.txt', '{{amount}}').getId() }),
      /invoice template in Settings \(.+\) is not a Google Doc/,
    ],
    ['a template that is gone', () => ({ invoiceTemplateId: 'no-such-doc' }), /invoice template in Settings \(no-such-doc\)/],
    [
      'a folder in the trash',
      (apps: EmulatedApps) => ({ invoiceFolderId: apps.driveApp.createFolder('Old').setTrashed(true).getId() }),
      /invoice folder in Settings \(.+\) cannot be opened, or is in the trash/,
    ],
  ])('refuses %s with the code documents, making nothing', (_label, settings, message) => {
    const apps = emulatedApps();
    const given = settings(apps);
    const before = apps.emu.files.list().length;
    const { result, saved } = open(apps, given);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'documents', message: expect.stringMatching(message) } });
    expect([saved, apps.emu.files.list().length]).toEqual([[], before]);
  });
});

describe('InvoiceDrive files', () => {
  it('finds the invoice Doc again by its ID, or by name in the folder or still in My Drive, before making one', () => {
    const apps = emulatedApps();
    const drive = opened(apps);
    const make = () => drive.createDoc('INV-2026-0007');
    const created = drive.findOrCreate('', 'INV-2026-0007', GOOGLE_DOCS, make);
    expect(created.via).toBe('created');
    const id = created.value.getId();
    expect(drive.findOrCreate('', 'INV-2026-0007', GOOGLE_DOCS, make)).toMatchObject({ via: 'name' });
    drive.ensureInFolder(created.value);
    expect(parentIds(created.value)).toEqual([drive.folder.getId()]);
    expect(drive.findOrCreate(id, 'renamed', GOOGLE_DOCS, make)).toMatchObject({ via: 'id' });
    expect(drive.findOrCreate('', 'INV-2026-0007', GOOGLE_DOCS, make).value.getId()).toBe(id);
    expect(drive.findOrCreate('', 'INV-2026-0007', PDF, make).via).toBe('created');
  });

  it('never adopts a file of that name in another folder', () => {
    const apps = emulatedApps();
    const drive = opened(apps);
    const elsewhere = apps.driveApp.getFileById(apps.documentApp.create('INV-2026-0007').getId());
    elsewhere.moveTo(apps.driveApp.createFolder('Someone else'));
    const found = drive.findOrCreate('', 'INV-2026-0007', GOOGLE_DOCS, () => drive.createDoc('INV-2026-0007'));
    expect(found.via).toBe('created');
    expect(found.value.getId()).not.toBe(elsewhere.getId());
  });

  it('writes the built-in layout into the Doc, and its PDF in the folder holds the invoice', () => {
    const apps = emulatedApps();
    const drive = opened(apps);
    const doc = drive.createDoc('INV-2026-0007');
    drive.writeDoc(doc, CONTENT);
    const pdf = drive.createPdf(doc, 'INV-2026-0007.pdf');
    expect([pdf.getMimeType(), pdf.getName(), parentIds(pdf)]).toEqual([PDF, 'INV-2026-0007.pdf', [drive.folder.getId()]]);
    const text = apps.emu.files.content(pdf.getId());
    for (const field of [
      'Invoice INV-2026-0007',
      '2026-03-02',
      'Acme',
      'billing@acme.example',
      '10.00',
      'EUR 85.50',
      'EUR 855.00',
      '0.75',
      '2.00',
      'Design review',
      'Ann',
    ])
      expect(text).toContain(field);
  });

  it('fills a copy of the template, made in the folder', () => {
    const apps = emulatedApps();
    const template = apps.documentApp.create('Our invoice');
    template.getBody().getParagraphs()[0].setText('Invoice {{invoice_no}} for {{client}}: {{amount}} {{currency}}');
    template.saveAndClose();
    const drive = opened(apps, { invoiceTemplateId: template.getId() });
    const doc = drive.createDoc('INV-2026-0007');
    expect([drive.templated, parentIds(doc)]).toEqual([true, [drive.folder.getId()]]);
    drive.writeDoc(doc, CONTENT);
    expect(apps.emu.files.content(doc.getId())).toContain('Invoice INV-2026-0007 for Acme: 855.00 EUR');
    expect(apps.emu.files.content(template.getId())).toContain('{{invoice_no}}');
  });

  it('gives a live file by ID, and null for one in the trash', () => {
    const apps = emulatedApps();
    const drive = opened(apps);
    const doc = drive.createDoc('INV-2026-0007');
    expect(drive.live(doc.getId())?.getId()).toBe(doc.getId());
    doc.setTrashed(true);
    expect(drive.live(doc.getId())).toBeNull();
  });
});
