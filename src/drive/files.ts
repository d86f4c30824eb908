/**
 * The `Files` port: every Drive, Docs and spreadsheet-file operation the use cases need —
 * the client-log spreadsheets, the yearly archives, the invoice Docs and PDFs, and
 * sharing — and `gasFiles`, its implementation over DriveApp, SpreadsheetApp and
 * DocumentApp (handed in by services/gas-services.ts, the one place that reads the
 * globals). Files are found again before anything is created (see find-or-create.ts).
 */
import type { Settings } from '../core/settings';
import { type Found, findOrCreate, GOOGLE_SHEETS, liveFile, PDF } from './find-or-create';
import { InvoiceDrive } from './invoice-files';
import { type FileSharing, fileSharing, setLinkSharing } from './sharing';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the use cases may do with files. */
export interface Files {
  /** The spreadsheet, or null when it is gone, in the trash or cannot be opened. */
  openSpreadsheet(id: string): Spreadsheet | null;
  /** The spreadsheet with this ID; throws when it cannot be opened. */
  spreadsheetById(id: string): Spreadsheet;
  /** A live spreadsheet of this name (one the add-on made before a stop), else a new one. */
  findOrCreateSpreadsheet(name: string): Found<Spreadsheet>;
  /** Saves a PDF of the spreadsheet next to it (in My Drive when it has no folder); returns the PDF's URL. */
  savePdf(spreadsheetId: string, name: string): string;
  /** Opens the file to anyone with the link (view only), or keeps it private to the people it is shared with. */
  setLinkSharing(fileId: string, anyoneWithLink: boolean): void;
  /** The file's people, to share or unshare it. */
  sharing(fileId: string): FileSharing;
  /**
   * The invoice folder and template for one invoicing run (see InvoiceDrive.open): the
   * folder is created, and its ID handed to `saveFolderId`, when Settings name none.
   */
  invoiceDrive(settings: Settings, workbookName: () => string, saveFolderId: (id: string) => void): ReturnType<typeof InvoiceDrive.open>;
}

/** The Files port over Apps Script's services. */
export function gasFiles(
  drive: GoogleAppsScript.Drive.DriveApp,
  sheets: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  docs: GoogleAppsScript.Document.DocumentApp,
): Files {
  return {
    openSpreadsheet: (id) => {
      try {
        return liveFile(drive, id) ? sheets.openById(id) : null;
      } catch {
        return null;
      }
    },
    spreadsheetById: (id) => sheets.openById(id),
    findOrCreateSpreadsheet: (name) =>
      findOrCreate(
        drive,
        { name, byName: [(f) => f.getMimeType() === GOOGLE_SHEETS] },
        (f) => sheets.openById(f.getId()),
        () => sheets.create(name),
      ),
    savePdf: (spreadsheetId, name) => {
      const file = drive.getFileById(spreadsheetId);
      const blob = file.getAs(PDF).setName(name);
      const parents = file.getParents();
      return (parents.hasNext() ? parents.next().createFile(blob) : drive.createFile(blob)).getUrl();
    },
    setLinkSharing: (fileId, anyoneWithLink) => setLinkSharing(drive, fileId, anyoneWithLink),
    sharing: (fileId) => fileSharing(drive.getFileById(fileId)),
    invoiceDrive: (settings, workbookName, saveFolderId) => InvoiceDrive.open(drive, docs, settings, workbookName, saveFolderId),
  };
}
