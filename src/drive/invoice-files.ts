/**
 * Where invoices live in Drive: one folder per workbook (chosen in Settings, or created on
 * first use), holding each invoice's Doc and PDF. Every create here has a find before it,
 * by ID when the `Invoices` row recorded one and by name otherwise, so a run stopped right
 * after a create adopts what it made instead of making a second copy.
 */
import { ok, type Refusal, type Result, refuse } from '../core/result';
import type { Settings } from '../core/settings';
import { fillTemplate, type InvoiceContent, writeBuiltInLayout } from './invoice-document';
import { type Found, findOrCreate, firstLive, GOOGLE_DOCS, liveFile, liveFolder, PDF, parentIds } from './find-or-create';

type DriveApp = GoogleAppsScript.Drive.DriveApp;
type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/** The folder the add-on creates when Settings name none. */
export function defaultFolderName(spreadsheetName: string): string {
  return `Prepaid Time invoices (${spreadsheetName})`;
}

/** Drive access for one invoicing run: the folder, and the template when one is set. */
export class InvoiceDrive {
  private constructor(
    private readonly driveApp: DriveApp,
    private readonly documentApp: DocumentApp,
    readonly folder: Folder,
    private readonly template: File | null,
  ) {}

  /**
   * Opens the template and the folder from Settings, creating the folder (and handing its
   * ID to `saveFolderId`) when none is set; `workbookName` names that folder. Returns a
   * sentence a person can act on when either is unusable.
   */
  static open(
    driveApp: DriveApp,
    documentApp: DocumentApp,
    settings: Settings,
    workbookName: () => string,
    saveFolderId: (id: string) => void,
  ): Result<InvoiceDrive, Refusal<'documents'>> {
    let template: File | null = null;
    if (settings.invoiceTemplateId) {
      template = liveFile(driveApp, settings.invoiceTemplateId);
      if (!template || template.getMimeType() !== GOOGLE_DOCS) {
        return refuse(
          'documents',
          `The invoice template in Settings (${settings.invoiceTemplateId}) is not a Google Doc the add-on can open. Check the template ID in Settings, or clear it to use the built-in layout.`,
        );
      }
    }
    let folder: Folder | null = null;
    if (settings.invoiceFolderId) {
      folder = liveFolder(driveApp, settings.invoiceFolderId);
      if (!folder) {
        return refuse(
          'documents',
          `The invoice folder in Settings (${settings.invoiceFolderId}) cannot be opened, or is in the trash. Choose a folder you can edit in Settings, or clear the setting so the add-on creates one.`,
        );
      }
    } else {
      const name = defaultFolderName(workbookName());
      folder = firstLive(driveApp.getFoldersByName(name)) ?? driveApp.createFolder(name);
      saveFolderId(folder.getId());
    }
    return ok(new InvoiceDrive(driveApp, documentApp, folder, template));
  }

  /** The file with this ID, or null when it is gone or in the trash. */
  live(id: string): File | null {
    return liveFile(this.driveApp, id);
  }

  /**
   * The invoice's file: by the ID its row recorded, else one this add-on made under this
   * name and type (in the invoice folder, or a new Doc still in My Drive: the built-in
   * layout is created there and then moved), else a new one from `create`.
   */
  findOrCreate(id: string, name: string, mimeType: string, create: () => File): Found<File> {
    const ofType = (f: File) => f.getMimeType() === mimeType;
    const inFolder = (f: File) => ofType(f) && parentIds(f).includes(this.folderId());
    const newDocInRoot = (f: File) => ofType(f) && mimeType === GOOGLE_DOCS && parentIds(f).every((parent) => parent === this.rootId());
    return findOrCreate(this.driveApp, { id, name, byName: [inFolder, newDocInRoot] }, (f) => f, create);
  }

  private ids: { folder?: string; root?: string } = {};

  /** The invoice folder's ID, asked of Drive once per run. */
  private folderId(): string {
    this.ids.folder ??= this.folder.getId();
    return this.ids.folder;
  }

  /** My Drive's ID, asked of Drive once per run. */
  private rootId(): string {
    this.ids.root ??= this.driveApp.getRootFolder().getId();
    return this.ids.root;
  }

  /** Whether the Doc is a copy of the template (to be filled) or a blank for the built-in layout. */
  get templated(): boolean {
    return this.template !== null;
  }

  /** A new Doc for the invoice: a copy of the template in the folder, or a blank one. */
  createDoc(name: string): File {
    if (this.template) return this.template.makeCopy(name, this.folder);
    return this.driveApp.getFileById(this.documentApp.create(name).getId());
  }

  /** Moves a Doc into the invoice folder unless it is there already. */
  ensureInFolder(file: File): void {
    if (!parentIds(file).includes(this.folderId())) file.moveTo(this.folder);
  }

  /** Writes the invoice into its Doc (filling the template's placeholders, or the built-in layout) and saves it, so an export sees it. */
  writeDoc(doc: File, content: InvoiceContent): void {
    const document = this.documentApp.openById(doc.getId());
    if (this.templated) fillTemplate(document.getBody(), content);
    else writeBuiltInLayout(document.getBody(), content, this.documentApp);
    document.saveAndClose();
  }

  /** Exports the saved Doc as a PDF into the folder. */
  createPdf(doc: File, name: string): File {
    const blob = doc.getAs(PDF);
    blob.setName(name);
    return this.folder.createFile(blob);
  }
}
