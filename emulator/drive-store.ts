/**
 * Every Drive item of one emulator (spreadsheets, documents, plain files, folders) with owner,
 * parents, trash state and sharing. `emu.files` exposes it so tests can inspect what was created,
 * what it contains and who it was shared with.
 */
import { contentToHtml, type DocumentRecord } from './document-model';
import type { IdSource } from './random';
import { spreadsheetToHtml } from './spreadsheet/export-html';
import type { SpreadsheetModel } from './spreadsheet/model';

export const MimeType = Object.freeze({
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  FOLDER: 'application/vnd.google-apps.folder',
  PDF: 'application/pdf',
  HTML: 'text/html',
  PLAIN_TEXT: 'text/plain',
  CSV: 'text/csv',
  JSON: 'application/json',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
});

export interface DriveFileRecord {
  readonly id: string;
  name: string;
  mimeType: string;
  owner: string;
  parents: string[];
  trashed: boolean;
  viewers: string[];
  editors: string[];
  /** DriveApp.Access name. */
  access: string;
  /** DriveApp.Permission name. */
  permission: string;
  description: string;
  readonly created: number;
  updated: number;
  /** Content of plain files. */
  bytes?: Uint8Array;
  spreadsheet?: SpreadsheetModel;
  document?: DocumentRecord;
}

export interface SharingEvent {
  fileId: string;
  action: 'addViewer' | 'removeViewer' | 'addEditor' | 'removeEditor' | 'setSharing';
  email?: string;
  access?: string;
  permission?: string;
  by: string;
  at: number;
}

export interface NewDriveItem {
  name: string;
  mimeType: string;
  owner: string;
  parents?: string[];
  bytes?: Uint8Array;
  spreadsheet?: SpreadsheetModel;
  document?: DocumentRecord;
  id?: string;
}

export class DriveStore {
  readonly rootId: string;
  /** Every sharing change in order, for assertions. */
  readonly sharingLog: SharingEvent[] = [];
  private readonly items = new Map<string, DriveFileRecord>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => number,
    owner: string,
  ) {
    this.rootId = this.add({ name: 'My Drive', mimeType: MimeType.FOLDER, owner, parents: [] }).id;
  }

  add(item: NewDriveItem): DriveFileRecord {
    const now = this.now();
    const record: DriveFileRecord = {
      id: item.id ?? this.ids.driveId(),
      name: item.name,
      mimeType: item.mimeType,
      owner: item.owner,
      parents: item.parents ?? (this.rootId ? [this.rootId] : []),
      trashed: false,
      viewers: [],
      editors: [],
      access: 'PRIVATE',
      permission: 'NONE',
      description: '',
      created: now,
      updated: now,
      bytes: item.bytes,
      spreadsheet: item.spreadsheet,
      document: item.document,
    };
    this.items.set(record.id, record);
    return record;
  }

  get(id: string): DriveFileRecord | undefined {
    return this.items.get(id);
  }

  /** All items, folders included, in creation order. */
  list(): DriveFileRecord[] {
    return [...this.items.values()];
  }

  byName(name: string): DriveFileRecord[] {
    return this.list().filter((f) => f.name === name);
  }

  /** Items whose parents include folderId. */
  children(folderId: string): DriveFileRecord[] {
    return this.list().filter((f) => f.parents.includes(folderId));
  }

  /** Records a sharing change. */
  logSharing(event: Omit<SharingEvent, 'at'>): void {
    this.sharingLog.push({ ...event, at: this.now() });
  }

  /** Readable content: the saved document or spreadsheet as HTML, or a plain file's text. */
  content(id: string): string {
    const file = this.items.get(id);
    if (!file) throw new Error(`No Drive item with id ${id}`);
    if (file.document) return contentToHtml(file.document.saved, file.name);
    if (file.spreadsheet) return spreadsheetToHtml(file.spreadsheet);
    return Buffer.from(file.bytes ?? new Uint8Array()).toString('utf8');
  }
}
