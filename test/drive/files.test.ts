/**
 * The Files port over the emulator's Drive, Sheets and Docs: spreadsheets opened only when
 * they are live, found again by name (as a spreadsheet) before one is made, PDFs saved next
 * to their spreadsheet, and sharing and the invoice folder reached through the same port.
 */
import { GOOGLE_SHEETS, PDF } from '../../src/drive/find-or-create';
import { emulatedApps } from '../../harness/emulated';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('gasFiles', () => {
  it('opens a live spreadsheet by ID, and gives null for a trashed, unknown or blank one', () => {
    const { files, sheetsApp, driveApp } = emulatedApps();
    const kept = sheetsApp.create('Kept');
    const trashed = sheetsApp.create('Trashed');
    driveApp.getFileById(trashed.getId()).setTrashed(true);
    expect(files.openSpreadsheet(kept.getId())?.getName()).toBe('Kept');
    expect([files.openSpreadsheet(trashed.getId()), files.openSpreadsheet('no-such-id'), files.openSpreadsheet('')]).toEqual([null, null, null]);
    expect(files.spreadsheetById(kept.getId()).getId()).toBe(kept.getId());
    expect(() => files.spreadsheetById('no-such-id')).toThrow();
  });

  it('finds a spreadsheet of that name again instead of making a second, passing over other files of that name', () => {
    const { files, driveApp, emu } = emulatedApps();
    driveApp.createFile('Prepaid log - Acme', 'not a spreadsheet');
    const first = files.findOrCreateSpreadsheet('Prepaid log - Acme');
    const again = files.findOrCreateSpreadsheet('Prepaid log - Acme');
    expect([first.via, again.via]).toEqual(['created', 'name']);
    expect(again.value.getId()).toBe(first.value.getId());
    expect(emu.files.byName('Prepaid log - Acme').filter((f) => f.mimeType === GOOGLE_SHEETS)).toHaveLength(1);
  });

  it('saves a PDF next to its spreadsheet, or in My Drive when it has no folder', () => {
    const { files, driveApp, sheetsApp, emu } = emulatedApps();
    const folder = driveApp.createFolder('Clients');
    const sheet = sheetsApp.create('Prepaid log - Acme');
    driveApp.getFileById(sheet.getId()).moveTo(folder);
    const url = files.savePdf(sheet.getId(), 'Acme 2026-01.pdf');
    const [pdf] = emu.files.byName('Acme 2026-01.pdf');
    expect([pdf.mimeType, pdf.parents, url]).toEqual([PDF, [folder.getId()], driveApp.getFileById(pdf.id).getUrl()]);
    emu.files.get(sheet.getId())!.parents = [];
    files.savePdf(sheet.getId(), 'Acme orphan.pdf');
    expect(emu.files.byName('Acme orphan.pdf')[0].parents).toEqual([driveApp.getRootFolder().getId()]);
  });

  it('shares a file and sets its link through the port', () => {
    const { files, sheetsApp, emu } = emulatedApps();
    const id = sheetsApp.create('Prepaid log - Acme').getId();
    files.sharing(id).addViewer('client@acme.example');
    files.setLinkSharing(id, true);
    expect(emu.files.get(id)).toMatchObject({ viewers: ['client@acme.example'], access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
  });

  it('opens the invoice folder, creating it once and handing over its ID', () => {
    const { files } = emulatedApps();
    const saved: string[] = [];
    const opened = files.invoiceDrive(
      DEFAULT_SETTINGS,
      () => 'Agency',
      (id) => saved.push(id),
    );
    expect(opened).toMatchObject({ ok: true });
    expect(opened.ok && opened.value.folder.getName()).toBe('Prepaid Time invoices (Agency)');
    expect(saved).toEqual([opened.ok && opened.value.folder.getId()]);
  });
});
