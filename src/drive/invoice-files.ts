/**
 * Where invoices live in Drive: one folder per workbook (chosen in Settings, or created on
 * first use), holding each invoice's Doc and PDF. Every create here has a find before it,
 * by ID when the `Invoices` row recorded one and by name otherwise, so a run stopped right
 * after a create adopts what it made instead of making a second copy.
 */
import type { Settings } from '../core/settings';
import type { Services } from '../services/gas-services';
import { storeSettings } from '../services/settings.store';

type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export const GOOGLE_DOCS = 'application/vnd.google-apps.document';
export const PDF = 'application/pdf';

/** The folder the add-on creates when Settings name none. */
export function defaultFolderName(spreadsheetName: string): string {
  return `Prepaid Time invoices (${spreadsheetName})`;
}

function firstLive<T extends { isTrashed(): boolean }>(iterator: { hasNext(): boolean; next(): T }, accept: (item: T) => boolean = () => true): T | null {
  while (iterator.hasNext()) {
    const item = iterator.next();
    if (!item.isTrashed() && accept(item)) return item;
  }
  return null;
}

function parentIds(file: File): string[] {
  const ids: string[] = [];
  const parents = file.getParents();
  while (parents.hasNext()) ids.push(parents.next().getId());
  return ids;
}

/** Drive access for one invoicing run: the folder, and the template when one is set. */
export class InvoiceDrive {
  private constructor(
    private readonly services: Services,
    private readonly driveApp: DriveApp,
    readonly folder: Folder,
    private readonly template: File | null,
  ) {}

  /**
   * Opens the template and the folder from Settings, creating the folder (and saving its
   * ID) when none is set. Returns a sentence a person can act on when either is unusable.
   */
  static open(services: Services, settings: Settings): { ok: true; drive: InvoiceDrive } | { ok: false; message: string } {
    const driveApp = services.driveApp();
    let template: File | null = null;
    if (settings.invoiceTemplateId) {
      try {
        template = driveApp.getFileById(settings.invoiceTemplateId);
      } catch {
        template = null;
      }
      if (!template || template.isTrashed() || template.getMimeType() !== GOOGLE_DOCS) {
        return {
          ok: false,
          message: `The invoice template in Settings (${settings.invoiceTemplateId}) is not a Google Doc the add-on can open. Check the template ID in Settings, or clear it to use the built-in layout.`,
        };
      }
    }
    let folder: Folder | null = null;
    if (settings.invoiceFolderId) {
      try {
        folder = driveApp.getFolderById(settings.invoiceFolderId);
      } catch {
        folder = null;
      }
      if (!folder || folder.isTrashed()) {
        return {
          ok: false,
          message: `The invoice folder in Settings (${settings.invoiceFolderId}) cannot be opened, or is in the trash. Choose a folder you can edit in Settings, or clear the setting so the add-on creates one.`,
        };
      }
    } else {
      const name = defaultFolderName(services.spreadsheet.getName());
      folder = firstLive(driveApp.getFoldersByName(name)) ?? driveApp.createFolder(name);
      storeSettings(services, { invoiceFolderId: folder.getId() });
    }
    return { ok: true, drive: new InvoiceDrive(services, driveApp, folder, template) };
  }

  /** The file with this ID, or null when it is gone or in the trash. */
  live(id: string): File | null {
    if (!id) return null;
    try {
      const file = this.driveApp.getFileById(id);
      return file.isTrashed() ? null : file;
    } catch {
      return null;
    }
  }

  /**
   * A file this add-on made under this name and type: one in the invoice folder, or a
   * new Doc still in My Drive (the built-in layout is created there and then moved).
   */
  findByName(name: string, mimeType: string): File | null {
    const folderId = this.folder.getId();
    const rootId = this.driveApp.getRootFolder().getId();
    const ofType = (f: File) => f.getMimeType() === mimeType;
    return (
      firstLive(this.driveApp.getFilesByName(name), (f) => ofType(f) && parentIds(f).includes(folderId)) ??
      firstLive(this.driveApp.getFilesByName(name), (f) => ofType(f) && mimeType === GOOGLE_DOCS && parentIds(f).every((id) => id === rootId))
    );
  }

  /** Whether the Doc is a copy of the template (to be filled) or a blank for the built-in layout. */
  get templated(): boolean {
    return this.template !== null;
  }

  /** A new Doc for the invoice: a copy of the template in the folder, or a blank one. */
  createDoc(name: string): File {
    if (this.template) return this.template.makeCopy(name, this.folder);
    return this.driveApp.getFileById(this.services.documentApp().create(name).getId());
  }

  /** Moves a Doc into the invoice folder unless it is there already. */
  ensureInFolder(file: File): void {
    if (!parentIds(file).includes(this.folder.getId())) file.moveTo(this.folder);
  }

  /** Exports the saved Doc as a PDF into the folder. */
  createPdf(doc: File, name: string): File {
    const blob = doc.getAs(PDF);
    blob.setName(name);
    return this.folder.createFile(blob);
  }
}
