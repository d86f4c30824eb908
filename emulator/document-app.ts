/**
 * DocumentApp: creating and opening Google Docs and editing their body (paragraphs, headings, list
 * items, tables, rules, page breaks, replaceText). Edits go to the live content; Drive exports and
 * copies only see what saveAndClose() (or the end of the execution) saved, as in Apps Script.
 */
import { Blob } from './blob';
import {
  type DocContent,
  type DocElement,
  type DocParagraph,
  type DocTable,
  type DocTableCell,
  type DocumentRecord,
  contentText,
  contentToHtml,
  emptyParagraph,
  newDocumentRecord,
  saveDocument,
} from './document-model';
import { type DriveFileRecord, MimeType } from './drive-store';
import { addChainableNoOps, GasObject } from './instrument';
import type { Runtime } from './runtime';
import { Sharing } from './sharing';
import type { User } from './users';

const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const ParagraphHeading = enumOf(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE']);
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const ElementType = enumOf(['BODY_SECTION', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT', 'HORIZONTAL_RULE', 'PAGE_BREAK']);
export const Attribute = enumOf([
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'HORIZONTAL_ALIGNMENT',
  'HEADING',
  'LINK_URL',
]);

export const DOCUMENT_MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";
const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** One opened Document: edits through a closed one throw. */
class DocSession {
  closed = false;

  constructor(readonly record: DocumentRecord) {}

  get content(): DocContent {
    return this.record.working;
  }

  assertOpen(): void {
    if (this.closed) throw new Error(DOCUMENT_CLOSED);
  }
}

/** Replaces every match of an RE2-style pattern with literal text. */
function replaceAll(text: string, pattern: string, replacement: string): string {
  return text.replace(new RegExp(pattern, 'g'), () => replacement);
}

function replaceInElement(element: DocElement, pattern: string, replacement: string): void {
  if (element.type === 'PARAGRAPH' || element.type === 'LIST_ITEM') element.text = replaceAll(element.text, pattern, replacement);
  if (element.type === 'TABLE') for (const row of element.rows) for (const cell of row) cell.text = replaceAll(cell.text, pattern, replacement);
}

/** Text access shared by Text objects of paragraphs and table cells. */
interface TextTarget {
  text: string;
  bold: boolean;
}

const TEXT_WRITES = new Set(['setText', 'appendText', 'setBold', 'replaceText', 'deleteText', 'insertText']);

export class Text extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
    private readonly target: TextTarget,
  ) {
    super(rt, 'Text', TEXT_WRITES);
  }

  getText(): string {
    return this.target.text;
  }

  setText(text: string): Text {
    this.session.assertOpen();
    this.target.text = String(text);
    return this;
  }

  appendText(text: string): Text {
    this.session.assertOpen();
    this.target.text += String(text);
    return this;
  }

  insertText(offset: number, text: string): Text {
    this.session.assertOpen();
    this.target.text = this.target.text.slice(0, offset) + String(text) + this.target.text.slice(offset);
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    this.session.assertOpen();
    this.target.text = this.target.text.slice(0, startOffset) + this.target.text.slice(endOffsetInclusive + 1);
    return this;
  }

  /** setBold(bold) for the whole text; setBold(start, end, bold) marks the text bold when it covers all of it. */
  setBold(...args: unknown[]): Text {
    this.session.assertOpen();
    if (args.length === 1) this.target.bold = !!args[0];
    else if (Number(args[0]) === 0 && Number(args[1]) >= this.target.text.length - 1) this.target.bold = !!args[2];
    return this;
  }

  isBold(): boolean {
    return this.target.bold;
  }

  replaceText(searchPattern: string, replacement: string): Text {
    this.session.assertOpen();
    this.target.text = replaceAll(this.target.text, searchPattern, replacement);
    return this;
  }

  getType(): string {
    return ElementType.TEXT;
  }

  /** Element.asText(): what a search result's getElement() is cast with before editing. */
  asText(): Text {
    return this;
  }
}
addChainableNoOps(Text, ['setItalic', 'setUnderline', 'setFontSize', 'setFontFamily', 'setForegroundColor', 'setBackgroundColor', 'setLinkUrl'], TEXT_WRITES);

const PARAGRAPH_WRITES = new Set(['setText', 'appendText', 'setHeading', 'setAlignment', 'setAttributes', 'removeFromParent', 'replaceText', 'clear']);

/** Paragraph and ListItem. */
export class Paragraph extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
    readonly _model: DocParagraph,
  ) {
    super(rt, _model.type === 'LIST_ITEM' ? 'ListItem' : 'Paragraph', PARAGRAPH_WRITES);
  }

  getText(): string {
    return this._model.text;
  }

  setText(text: string): Paragraph {
    this.session.assertOpen();
    this._model.text = String(text);
    return this;
  }

  appendText(text: string): Text {
    this.session.assertOpen();
    this._model.text += String(text);
    return new Text(this.rt, this.session, this._model);
  }

  editAsText(): Text {
    return new Text(this.rt, this.session, this._model);
  }

  clear(): Paragraph {
    return this.setText('');
  }

  getHeading(): string {
    return this._model.heading;
  }

  setHeading(heading: string): Paragraph {
    this.session.assertOpen();
    if (!(heading in ParagraphHeading)) throw new Error(`Invalid argument: heading (${heading})`);
    this._model.heading = heading;
    return this;
  }

  getAlignment(): string | null {
    return this._model.alignment;
  }

  setAlignment(alignment: string): Paragraph {
    this.session.assertOpen();
    if (!(alignment in HorizontalAlignment)) throw new Error(`Invalid argument: alignment (${alignment})`);
    this._model.alignment = alignment;
    return this;
  }

  getAttributes(): Record<string, unknown> {
    return { BOLD: this._model.bold, HEADING: this._model.heading, HORIZONTAL_ALIGNMENT: this._model.alignment };
  }

  setAttributes(attributes: Record<string, unknown>): Paragraph {
    this.session.assertOpen();
    if (Attribute.BOLD in attributes) this._model.bold = !!attributes[Attribute.BOLD];
    return this;
  }

  replaceText(searchPattern: string, replacement: string): Paragraph {
    this.session.assertOpen();
    replaceInElement(this._model, searchPattern, replacement);
    return this;
  }

  getType(): string {
    return this._model.type;
  }

  removeFromParent(): Paragraph {
    this.session.assertOpen();
    const elements = this.session.content.elements;
    const index = elements.indexOf(this._model);
    if (index >= 0) elements.splice(index, 1);
    return this;
  }
}
addChainableNoOps(
  Paragraph,
  [
    'setSpacingBefore',
    'setSpacingAfter',
    'setLineSpacing',
    'setIndentStart',
    'setIndentEnd',
    'setIndentFirstLine',
    'setGlyphType',
    'setNestingLevel',
    'setLinkUrl',
  ],
  PARAGRAPH_WRITES,
);

const TABLE_CELL_WRITES = new Set(['setText', 'replaceText', 'clear']);

export class TableCell extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
    private readonly model: DocTableCell,
  ) {
    super(rt, 'TableCell', TABLE_CELL_WRITES);
  }

  getText(): string {
    return this.model.text;
  }

  setText(text: string): TableCell {
    this.session.assertOpen();
    this.model.text = String(text);
    return this;
  }

  clear(): TableCell {
    return this.setText('');
  }

  editAsText(): Text {
    return new Text(this.rt, this.session, this.model);
  }

  replaceText(searchPattern: string, replacement: string): TableCell {
    this.session.assertOpen();
    this.model.text = replaceAll(this.model.text, searchPattern, replacement);
    return this;
  }

  getType(): string {
    return ElementType.TABLE_CELL;
  }
}
addChainableNoOps(
  TableCell,
  ['setBackgroundColor', 'setWidth', 'setPaddingTop', 'setPaddingBottom', 'setPaddingLeft', 'setPaddingRight', 'setVerticalAlignment', 'setAttributes'],
  TABLE_CELL_WRITES,
);

const TABLE_ROW_WRITES = new Set(['appendTableCell', 'removeCell']);

export class TableRow extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
    private readonly cells: DocTableCell[],
  ) {
    super(rt, 'TableRow', TABLE_ROW_WRITES);
  }

  getNumCells(): number {
    return this.cells.length;
  }

  getCell(cellIndex: number): TableCell {
    const cell = this.cells[cellIndex];
    if (!cell) throw new Error(`Child index (${cellIndex}) must be less than the number of child elements (${this.cells.length}).`);
    return new TableCell(this.rt, this.session, cell);
  }

  appendTableCell(text = ''): TableCell {
    this.session.assertOpen();
    const cell = { text: String(text), bold: false };
    this.cells.push(cell);
    return new TableCell(this.rt, this.session, cell);
  }

  removeCell(cellIndex: number): void {
    this.session.assertOpen();
    this.cells.splice(cellIndex, 1);
  }

  getText(): string {
    return this.cells.map((c) => c.text).join('\t');
  }

  getType(): string {
    return ElementType.TABLE_ROW;
  }
}
addChainableNoOps(TableRow, ['setMinimumHeight', 'setAttributes'], TABLE_ROW_WRITES);

const TABLE_WRITES = new Set(['appendTableRow', 'removeRow', 'replaceText', 'removeFromParent']);

export class Table extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
    readonly _model: DocTable,
  ) {
    super(rt, 'Table', TABLE_WRITES);
  }

  getNumRows(): number {
    return this._model.rows.length;
  }

  getRow(rowIndex: number): TableRow {
    const row = this._model.rows[rowIndex];
    if (!row) throw new Error(`Child index (${rowIndex}) must be less than the number of child elements (${this._model.rows.length}).`);
    return new TableRow(this.rt, this.session, row);
  }

  getCell(rowIndex: number, cellIndex: number): TableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }

  /** appendTableRow() adds an empty row; appendTableRow(cells) one with those texts (emulator convenience). */
  appendTableRow(cells?: string[]): TableRow {
    this.session.assertOpen();
    const row = Array.isArray(cells) ? cells.map((text) => ({ text: String(text), bold: false })) : [];
    this._model.rows.push(row);
    return new TableRow(this.rt, this.session, row);
  }

  removeRow(rowIndex: number): void {
    this.session.assertOpen();
    this._model.rows.splice(rowIndex, 1);
  }

  replaceText(searchPattern: string, replacement: string): Table {
    this.session.assertOpen();
    replaceInElement(this._model, searchPattern, replacement);
    return this;
  }

  getText(): string {
    return this._model.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n');
  }

  getType(): string {
    return ElementType.TABLE;
  }

  removeFromParent(): Table {
    this.session.assertOpen();
    const elements = this.session.content.elements;
    const index = elements.indexOf(this._model);
    if (index >= 0) elements.splice(index, 1);
    return this;
  }
}
addChainableNoOps(Table, ['setBorderWidth', 'setBorderColor', 'setColumnWidth', 'setAttributes'], TABLE_WRITES);

/** HorizontalRule and PageBreak. */
class Marker extends GasObject {
  constructor(
    rt: Runtime,
    private readonly type: string,
  ) {
    super(rt, type === 'HORIZONTAL_RULE' ? 'HorizontalRule' : 'PageBreak');
  }

  getType(): string {
    return this.type;
  }
}

type BodyChild = Paragraph | Table | Marker;

const BODY_WRITES = new Set([
  'appendParagraph',
  'insertParagraph',
  'appendListItem',
  'appendTable',
  'insertTable',
  'appendHorizontalRule',
  'appendPageBreak',
  'setText',
  'clear',
  'replaceText',
  'removeChild',
]);

export class Body extends GasObject {
  constructor(
    rt: Runtime,
    private readonly session: DocSession,
  ) {
    super(rt, 'Body', BODY_WRITES);
  }

  private get elements(): DocElement[] {
    return this.session.content.elements;
  }

  private wrap(element: DocElement): BodyChild {
    if (element.type === 'PARAGRAPH' || element.type === 'LIST_ITEM') return new Paragraph(this.rt, this.session, element);
    if (element.type === 'TABLE') return new Table(this.rt, this.session, element);
    return new Marker(this.rt, element.type);
  }

  private insert(index: number, element: DocElement): BodyChild {
    this.session.assertOpen();
    if (index < 0 || index > this.elements.length)
      throw new Error(`Child index (${index}) must not be greater than the number of child elements (${this.elements.length}).`);
    this.elements.splice(index, 0, element);
    return this.wrap(element);
  }

  private paragraphFrom(textOrParagraph: string | Paragraph, type: DocParagraph['type']): DocParagraph {
    if (typeof textOrParagraph === 'string') return { ...emptyParagraph(textOrParagraph), type };
    return { ...textOrParagraph._model, type };
  }

  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    return this.insert(this.elements.length, this.paragraphFrom(textOrParagraph, 'PARAGRAPH')) as Paragraph;
  }

  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph): Paragraph {
    return this.insert(childIndex, this.paragraphFrom(textOrParagraph, 'PARAGRAPH')) as Paragraph;
  }

  appendListItem(textOrItem: string | Paragraph): Paragraph {
    return this.insert(this.elements.length, this.paragraphFrom(textOrItem, 'LIST_ITEM')) as Paragraph;
  }

  appendTable(cells?: unknown[][]): Table {
    const rows = (cells ?? []).map((row) => row.map((text) => ({ text: String(text ?? ''), bold: false })));
    return this.insert(this.elements.length, { type: 'TABLE', rows }) as Table;
  }

  insertTable(childIndex: number, cells?: unknown[][]): Table {
    const rows = (cells ?? []).map((row) => row.map((text) => ({ text: String(text ?? ''), bold: false })));
    return this.insert(childIndex, { type: 'TABLE', rows }) as Table;
  }

  appendHorizontalRule(): Marker {
    return this.insert(this.elements.length, { type: 'HORIZONTAL_RULE' }) as Marker;
  }

  appendPageBreak(): Marker {
    return this.insert(this.elements.length, { type: 'PAGE_BREAK' }) as Marker;
  }

  getText(): string {
    return contentText(this.session.content);
  }

  /** Replaces the whole body with one paragraph. */
  setText(text: string): Body {
    this.session.assertOpen();
    this.elements.splice(0, this.elements.length, emptyParagraph(String(text)));
    return this;
  }

  /** Leaves one empty paragraph, as Google Docs does. */
  clear(): Body {
    return this.setText('');
  }

  /** Replaces matches of a regular expression (as a string) in every paragraph and table cell. */
  replaceText(searchPattern: string, replacement: string): Body {
    this.session.assertOpen();
    for (const element of this.elements) replaceInElement(element, searchPattern, String(replacement));
    return this;
  }

  /** The first match as {getElement, getStartOffset, getEndOffsetInclusive}, or null. */
  findText(searchPattern: string): { getElement(): Text; getStartOffset(): number; getEndOffsetInclusive(): number } | null {
    const regex = new RegExp(searchPattern);
    const targets: TextTarget[] = this.elements.flatMap((e) =>
      e.type === 'PARAGRAPH' || e.type === 'LIST_ITEM' ? [e] : e.type === 'TABLE' ? e.rows.flat() : [],
    );
    for (const target of targets) {
      const match = regex.exec(target.text);
      if (match) {
        const text = new Text(this.rt, this.session, target);
        return { getElement: () => text, getStartOffset: () => match.index, getEndOffsetInclusive: () => match.index + match[0].length - 1 };
      }
    }
    return null;
  }

  getParagraphs(): Paragraph[] {
    return this.elements.filter((e): e is DocParagraph => e.type === 'PARAGRAPH' || e.type === 'LIST_ITEM').map((e) => new Paragraph(this.rt, this.session, e));
  }

  getTables(): Table[] {
    return this.elements.filter((e): e is DocTable => e.type === 'TABLE').map((e) => new Table(this.rt, this.session, e));
  }

  getListItems(): Paragraph[] {
    return this.getParagraphs().filter((p) => p._model.type === 'LIST_ITEM');
  }

  getNumChildren(): number {
    return this.elements.length;
  }

  getChild(childIndex: number): BodyChild {
    const element = this.elements[childIndex];
    if (!element) throw new Error(`Child index (${childIndex}) must be less than the number of child elements (${this.elements.length}).`);
    return this.wrap(element);
  }

  getChildIndex(child: Paragraph | Table): number {
    return this.elements.indexOf(child._model);
  }

  removeChild(child: Paragraph | Table): Body {
    this.session.assertOpen();
    const index = this.elements.indexOf(child._model);
    if (index >= 0) this.elements.splice(index, 1);
    return this;
  }

  getType(): string {
    return ElementType.BODY_SECTION;
  }
}
addChainableNoOps(Body, ['setMarginTop', 'setMarginBottom', 'setMarginLeft', 'setMarginRight', 'setPageWidth', 'setPageHeight', 'setAttributes'], BODY_WRITES);

/** Exports of a document's saved content. */
export function exportDocument(rt: Runtime, file: DriveFileRecord, contentType: string): Blob {
  const saved = file.document!.saved;
  const base = file.name;
  if (contentType === MimeType.PLAIN_TEXT) return new Blob(rt, new Uint8Array(Buffer.from(contentText(saved))), contentType, `${base}.txt`);
  const exports: Record<string, string> = { [MimeType.PDF]: 'pdf', [MimeType.HTML]: 'html', [MimeType.MICROSOFT_WORD]: 'docx' };
  const ext = exports[contentType];
  if (!ext) throw new Error(`Converting from ${MimeType.GOOGLE_DOCS} to ${contentType} is not supported.`);
  return new Blob(rt, new Uint8Array(Buffer.from(contentToHtml(saved, base))), contentType, `${base}.${ext}`);
}

const DOCUMENT_WRITES = new Set(['setName', 'saveAndClose', 'addEditor', 'addEditors', 'addViewer', 'addViewers', 'removeEditor', 'removeViewer']);

export class Document extends GasObject {
  constructor(
    rt: Runtime,
    readonly _file: DriveFileRecord,
    readonly _session: DocSession,
  ) {
    super(rt, 'Document', DOCUMENT_WRITES);
  }

  private sharing(): Sharing {
    return new Sharing(this.rt, this.rt.drive, this._file);
  }

  getId(): string {
    return this._file.id;
  }

  getName(): string {
    return this._file.name;
  }

  setName(name: string): Document {
    this._file.name = String(name);
    return this;
  }

  getUrl(): string {
    return documentUrl(this._file.id);
  }

  getBody(): Body {
    this._session.assertOpen();
    return new Body(this.rt, this._session);
  }

  getHeader(): null {
    return null;
  }

  getFooter(): null {
    return null;
  }

  /** Saves the content (exports see it from now on) and closes this Document. */
  saveAndClose(): void {
    if (this._session.closed) return;
    saveDocument(this._session.record);
    this._session.closed = true;
  }

  getAs(contentType: string): Blob {
    return exportDocument(this.rt, this._file, contentType);
  }

  getBlob(): Blob {
    return this.getAs(MimeType.PDF);
  }

  getEditors(): User[] {
    return [this.sharing().owner(), ...this.sharing().editors()];
  }

  getViewers(): User[] {
    return [...this.getEditors(), ...this.sharing().viewers()];
  }

  addEditor(user: string | User): Document {
    this.sharing().addEditor(user);
    return this;
  }

  addEditors(emails: string[]): Document {
    for (const email of emails) this.sharing().addEditor(email);
    return this;
  }

  addViewer(user: string | User): Document {
    this.sharing().addViewer(user);
    return this;
  }

  addViewers(emails: string[]): Document {
    for (const email of emails) this.sharing().addViewer(email);
    return this;
  }

  removeEditor(user: string | User): Document {
    this.sharing().removeEditor(user);
    return this;
  }

  removeViewer(user: string | User): Document {
    this.sharing().removeViewer(user);
    return this;
  }
}

/** Opens a document record (marking it open so the end of the execution saves it). */
function openDocument(rt: Runtime, file: DriveFileRecord): Document {
  file.document!.open = true;
  return new Document(rt, file, new DocSession(file.document!));
}

/** Registers a new, empty Google Doc owned by the current user in My Drive. */
function createDocumentFile(rt: Runtime, name: string, record: DocumentRecord = newDocumentRecord()): DriveFileRecord {
  return rt.drive.add({ name, mimeType: MimeType.GOOGLE_DOCS, owner: rt.user, document: record });
}

export class DocumentApp extends GasObject {
  readonly ParagraphHeading = ParagraphHeading;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ElementType = ElementType;
  readonly Attribute = Attribute;

  constructor(rt: Runtime) {
    super(rt, 'DocumentApp', new Set(['create']));
    rt.onExecutionEnd(() => {
      for (const file of rt.drive.list()) if (file.document?.open) saveDocument(file.document);
    });
  }

  create(name: string): Document {
    return openDocument(this.rt, createDocumentFile(this.rt, String(name)));
  }

  openById(id: string): Document {
    const file = this.rt.drive.get(String(id));
    if (!file?.document || file.trashed) throw new Error(DOCUMENT_MISSING);
    return openDocument(this.rt, file);
  }

  openByUrl(url: string): Document {
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    return this.openById(id);
  }

  getActiveDocument(): null {
    return null;
  }
}

/**
 * An HTML page of a document that a person can open. For a Document object it shows the live
 * content; for an id it shows the saved content (what an export would contain).
 */
export function renderDocumentHtml(
  doc: GoogleAppsScript.Document.Document | Document | string,
  files?: { get(id: string): DriveFileRecord | undefined },
): string {
  if (typeof doc === 'string') {
    const file = (files ?? lastDriveStore)?.get(doc);
    if (!file?.document) throw new Error(`No document with id ${doc}`);
    return contentToHtml(file.document.saved, file.name);
  }
  const facade = doc as unknown as Document;
  return contentToHtml(facade._session.content, facade._file.name);
}

let lastDriveStore: { get(id: string): DriveFileRecord | undefined } | undefined;

/** Lets renderDocumentHtml(id) find documents of the most recently created emulator. */
export function rememberDriveStore(files: { get(id: string): DriveFileRecord | undefined }): void {
  lastDriveStore = files;
}
