/**
 * DriveApp: files and folders of the emulator's Drive store: lookup by id and name, creation,
 * copies (a copied Doc or spreadsheet copies its content), moves, trash, exports and sharing.
 */
import { Blob } from './blob';
import { cloneContent, type DocumentRecord } from './document-model';
import { documentUrl, exportDocument } from './document-app';
import { type DriveFileRecord, MimeType } from './drive-store';
import { GasObject } from './instrument';
import type { Runtime } from './runtime';
import { Access, Permission, Sharing } from './sharing';
import { SpreadsheetModel } from './spreadsheet/model';
import { spreadsheetUrl, spreadsheetFacade } from './spreadsheet/spreadsheet';
import type { User } from './users';

export const NO_ITEM = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function isFolder(file: DriveFileRecord): boolean {
  return file.mimeType === MimeType.FOLDER;
}

function fileUrl(file: DriveFileRecord): string {
  if (file.document) return documentUrl(file.id);
  if (file.spreadsheet) return spreadsheetUrl(file.id);
  if (isFolder(file)) return `https://drive.google.com/drive/folders/${file.id}`;
  return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
}

/** Blob-like sources accepted by createFile: our Blob, or anything with getBlob(). */
function blobOf(source: unknown): Blob {
  const candidate = source as { getBlob?: () => Blob } | null;
  if (candidate && typeof candidate.getBlob === 'function') return candidate.getBlob();
  throw new Error("The parameters don't match the method signature: expected a Blob.");
}

function copyContent(rt: Runtime, file: DriveFileRecord, id: string, name: string): Pick<DriveFileRecord, 'bytes' | 'spreadsheet' | 'document'> {
  if (file.document) {
    const record: DocumentRecord = { saved: cloneContent(file.document.saved), working: cloneContent(file.document.saved), open: false };
    return { document: record };
  }
  if (file.spreadsheet) {
    const source = file.spreadsheet;
    const sheets = source.sheets.map((s) => s.cloneAs(s.id, s.name));
    const copy = new SpreadsheetModel(id, name, source.timeZone, rt.user, sheets[0]);
    copy.sheets = sheets;
    copy.locale = source.locale;
    return { spreadsheet: copy };
  }
  return { bytes: file.bytes ? new Uint8Array(file.bytes) : undefined };
}

function newFileFromBlob(rt: Runtime, parentId: string, blob: Blob): DriveFileRecord {
  return rt.drive.add({
    name: blob._name ?? 'Untitled',
    mimeType: blob._contentType ?? 'application/octet-stream',
    owner: rt.user,
    parents: [parentId],
    bytes: new Uint8Array(blob._bytes),
  });
}

/** createFile(blob) or createFile(name, content, mimeType?). */
function createFileIn(rt: Runtime, parentId: string, args: unknown[]): DriveFileRecord {
  if (typeof args[0] === 'string') {
    const blob = new Blob(rt, new Uint8Array(Buffer.from(String(args[1] ?? ''))), String(args[2] ?? MimeType.PLAIN_TEXT), args[0]);
    return newFileFromBlob(rt, parentId, blob);
  }
  return newFileFromBlob(rt, parentId, blobOf(args[0]));
}

const SHARED_WRITES = [
  'setName',
  'setDescription',
  'moveTo',
  'setTrashed',
  'addViewer',
  'addViewers',
  'addEditor',
  'addEditors',
  'removeViewer',
  'removeEditor',
  'setSharing',
  'setOwner',
];

/** What File and Folder have in common: naming, trash, parents and sharing. */
abstract class DriveItem extends GasObject {
  constructor(
    rt: Runtime,
    className: string,
    writes: Set<string>,
    readonly _file: DriveFileRecord,
  ) {
    super(rt, className, writes);
  }

  private sharing(): Sharing {
    return new Sharing(this.rt, this.rt.drive, this._file);
  }

  protected touch(): void {
    this._file.updated = this.rt.clock.now();
  }

  getId(): string {
    return this._file.id;
  }

  getName(): string {
    return this._file.name;
  }

  setName(name: string): this {
    this._file.name = String(name);
    const ss = this._file.spreadsheet;
    if (ss) ss.name = this._file.name;
    this.touch();
    return this;
  }

  getDescription(): string {
    return this._file.description;
  }

  setDescription(description: string): this {
    this._file.description = String(description);
    return this;
  }

  getUrl(): string {
    return fileUrl(this._file);
  }

  getDateCreated(): Date {
    return new this.rt.Date(this._file.created);
  }

  getLastUpdated(): Date {
    return new this.rt.Date(this._file.updated);
  }

  getParents(): FolderIterator {
    return new FolderIterator(this.rt, this._file.parents.map((id) => this.rt.drive.get(id)!).filter(Boolean));
  }

  moveTo(destination: Folder): this {
    this._file.parents = [destination._file.id];
    return this;
  }

  isTrashed(): boolean {
    return this._file.trashed;
  }

  setTrashed(trashed: boolean): this {
    this._file.trashed = !!trashed;
    return this;
  }

  getOwner(): User {
    return this.sharing().owner();
  }

  getEditors(): User[] {
    return this.sharing().editors();
  }

  getViewers(): User[] {
    return this.sharing().viewers();
  }

  addViewer(user: string | User): this {
    this.sharing().addViewer(user);
    return this;
  }

  addViewers(emails: string[]): this {
    for (const email of emails) this.sharing().addViewer(email);
    return this;
  }

  addEditor(user: string | User): this {
    this.sharing().addEditor(user);
    return this;
  }

  addEditors(emails: string[]): this {
    for (const email of emails) this.sharing().addEditor(email);
    return this;
  }

  removeViewer(user: string | User): this {
    this.sharing().removeViewer(user);
    return this;
  }

  removeEditor(user: string | User): this {
    this.sharing().removeEditor(user);
    return this;
  }

  setSharing(accessType: string, permissionType: string): this {
    this.sharing().setSharing(accessType, permissionType);
    return this;
  }

  getSharingAccess(): string {
    return this._file.access;
  }

  getSharingPermission(): string {
    return this._file.permission;
  }
}

export class File extends DriveItem {
  constructor(rt: Runtime, file: DriveFileRecord) {
    super(rt, 'File', new Set([...SHARED_WRITES, 'makeCopy', 'setContent']), file);
  }

  getMimeType(): string {
    return this._file.mimeType;
  }

  getSize(): number {
    return this._file.bytes?.length ?? 0;
  }

  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._file.id}&export=download`;
  }

  /** Replaces a plain file's content with text. */
  setContent(content: string): File {
    if (this._file.document || this._file.spreadsheet) throw new Error('setContent is only supported for plain files.');
    this._file.bytes = new Uint8Array(Buffer.from(String(content)));
    this.touch();
    return this;
  }

  /** makeCopy(), makeCopy(name), makeCopy(destination) or makeCopy(name, destination). */
  makeCopy(nameOrFolder?: string | Folder, destination?: Folder): File {
    const name = typeof nameOrFolder === 'string' ? nameOrFolder : `Copy of ${this._file.name}`;
    const folder = typeof nameOrFolder === 'object' ? nameOrFolder : destination;
    const parents = folder ? [folder._file.id] : [...this._file.parents];
    const id = this.rt.ids.driveId();
    const content = copyContent(this.rt, this._file, id, name);
    return new File(this.rt, this.rt.drive.add({ id, name, mimeType: this._file.mimeType, owner: this.rt.user, parents, ...content }));
  }

  getBlob(): Blob {
    if (this._file.document || this._file.spreadsheet) return this.getAs(MimeType.PDF);
    return new Blob(this.rt, new Uint8Array(this._file.bytes ?? []), this._file.mimeType, this._file.name);
  }

  /** Exports: a Doc's saved content or a spreadsheet as PDF/HTML, or a plain blob conversion. */
  getAs(contentType: string): Blob {
    if (this._file.document) return exportDocument(this.rt, this._file, contentType);
    if (this._file.spreadsheet) return spreadsheetFacade(this.rt, this._file.spreadsheet).getAs(contentType);
    return this.getBlob().getAs(contentType);
  }
}

export class Folder extends DriveItem {
  constructor(rt: Runtime, folder: DriveFileRecord) {
    super(rt, 'Folder', new Set([...SHARED_WRITES, 'createFile', 'createFolder', 'addFile', 'removeFile']), folder);
  }

  private children(): DriveFileRecord[] {
    return this.rt.drive.children(this._file.id).filter((f) => !f.trashed);
  }

  createFile(...args: unknown[]): File {
    return new File(this.rt, createFileIn(this.rt, this._file.id, args));
  }

  createFolder(name: string): Folder {
    return new Folder(this.rt, this.rt.drive.add({ name: String(name), mimeType: MimeType.FOLDER, owner: this.rt.user, parents: [this._file.id] }));
  }

  getFiles(): FileIterator {
    return filesAmong(this.rt, this.children());
  }

  getFilesByName(name: string): FileIterator {
    return filesAmong(this.rt, this.children(), (f) => f.name === name);
  }

  getFilesByType(mimeType: string): FileIterator {
    return new FileIterator(
      this.rt,
      this.children().filter((f) => f.mimeType === mimeType),
    );
  }

  getFolders(): FolderIterator {
    return foldersAmong(this.rt, this.children());
  }

  getFoldersByName(name: string): FolderIterator {
    return foldersAmong(this.rt, this.children(), (f) => f.name === name);
  }

  /** Adds the item to this folder too (legacy multi-parent Drive). */
  addFile(file: File): Folder {
    if (!file._file.parents.includes(this._file.id)) file._file.parents.push(this._file.id);
    return this;
  }

  removeFile(file: File): Folder {
    file._file.parents = file._file.parents.filter((p) => p !== this._file.id);
    return this;
  }
}

const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

export class FileIterator extends GasObject {
  private index = 0;

  constructor(
    rt: Runtime,
    private readonly items: DriveFileRecord[],
  ) {
    super(rt, 'FileIterator');
  }

  hasNext(): boolean {
    return this.index < this.items.length;
  }

  next(): File {
    const item = this.items[this.index];
    if (!item) throw new Error(ITERATOR_END);
    this.index += 1;
    return new File(this.rt, item);
  }

  getContinuationToken(): string {
    return String(this.index);
  }
}

export class FolderIterator extends GasObject {
  private index = 0;

  constructor(
    rt: Runtime,
    private readonly items: DriveFileRecord[],
  ) {
    super(rt, 'FolderIterator');
  }

  hasNext(): boolean {
    return this.index < this.items.length;
  }

  next(): Folder {
    const item = this.items[this.index];
    if (!item) throw new Error(ITERATOR_END);
    this.index += 1;
    return new Folder(this.rt, item);
  }

  getContinuationToken(): string {
    return String(this.index);
  }
}

/** The files among `items` (Folder and DriveApp search different items the same way). */
function filesAmong(rt: Runtime, items: DriveFileRecord[], keep: (f: DriveFileRecord) => boolean = () => true): FileIterator {
  return new FileIterator(
    rt,
    items.filter((f) => !isFolder(f) && keep(f)),
  );
}

/** The folders among `items`. */
function foldersAmong(rt: Runtime, items: DriveFileRecord[], keep: (f: DriveFileRecord) => boolean = () => true): FolderIterator {
  return new FolderIterator(
    rt,
    items.filter((f) => isFolder(f) && keep(f)),
  );
}

export class DriveApp extends GasObject {
  readonly Access = Access;
  readonly Permission = Permission;

  constructor(rt: Runtime) {
    super(rt, 'DriveApp', new Set(['createFile', 'createFolder']));
  }

  private live(): DriveFileRecord[] {
    return this.rt.drive.list().filter((f) => !f.trashed && f.id !== this.rt.drive.rootId);
  }

  getFileById(id: string): File {
    const file = this.rt.drive.get(String(id));
    if (!file || isFolder(file)) throw new Error(NO_ITEM);
    return new File(this.rt, file);
  }

  getFolderById(id: string): Folder {
    const folder = this.rt.drive.get(String(id));
    if (!folder || !isFolder(folder)) throw new Error(NO_ITEM);
    return new Folder(this.rt, folder);
  }

  getRootFolder(): Folder {
    return new Folder(this.rt, this.rt.drive.get(this.rt.drive.rootId)!);
  }

  createFile(...args: unknown[]): File {
    return new File(this.rt, createFileIn(this.rt, this.rt.drive.rootId, args));
  }

  createFolder(name: string): Folder {
    return this.getRootFolder().createFolder(name);
  }

  getFiles(): FileIterator {
    return filesAmong(this.rt, this.live());
  }

  getFilesByName(name: string): FileIterator {
    return filesAmong(this.rt, this.live(), (f) => f.name === name);
  }

  getFilesByType(mimeType: string): FileIterator {
    return new FileIterator(
      this.rt,
      this.live().filter((f) => f.mimeType === mimeType),
    );
  }

  getFolders(): FolderIterator {
    return foldersAmong(this.rt, this.live());
  }

  getFoldersByName(name: string): FolderIterator {
    return foldersAmong(this.rt, this.live(), (f) => f.name === name);
  }
}
