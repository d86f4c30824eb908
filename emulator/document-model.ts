/**
 * The content of a Google Doc as the emulator stores it (paragraphs, tables, rules, page breaks),
 * with a saved copy (what Drive exports see) and a working copy (what the open Document edits),
 * and the HTML rendering used for exports and for people to look at.
 */

export interface DocParagraph {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  text: string;
  heading: string;
  alignment: string | null;
  bold: boolean;
}

export interface DocTableCell {
  text: string;
  bold: boolean;
}

export interface DocTable {
  type: 'TABLE';
  rows: DocTableCell[][];
}

export type DocElement = DocParagraph | DocTable | { type: 'HORIZONTAL_RULE' } | { type: 'PAGE_BREAK' };

export interface DocContent {
  elements: DocElement[];
}

export interface DocumentRecord {
  /** What was last saved (saveAndClose or the end of an execution): what exports and copies see. */
  saved: DocContent;
  /** The live content Document objects edit. */
  working: DocContent;
  /** True when a Document object was handed out since the last save (its edits are pending). */
  open: boolean;
}

/** Saves the working content (saveAndClose, end of execution). */
export function saveDocument(record: DocumentRecord): void {
  record.saved = cloneContent(record.working);
  record.open = false;
}

export function emptyParagraph(text = ''): DocParagraph {
  return { type: 'PARAGRAPH', text, heading: 'NORMAL', alignment: null, bold: false };
}

/** A new document's body holds one empty paragraph, as in Google Docs. */
export function newDocumentRecord(): DocumentRecord {
  const content = { elements: [emptyParagraph()] };
  return { saved: cloneContent(content), working: content, open: false };
}

export function cloneContent(content: DocContent): DocContent {
  return structuredClone(content);
}

/** Body.getText(): paragraphs separated by newlines, table cells by tabs. */
export function contentText(content: DocContent): string {
  return content.elements
    .map((e) => {
      if (e.type === 'PARAGRAPH' || e.type === 'LIST_ITEM') return e.text;
      if (e.type === 'TABLE') return e.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n');
      return '';
    })
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const HEADING_TAGS: Record<string, string> = {
  TITLE: 'h1 class="title"',
  SUBTITLE: 'h2 class="subtitle"',
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
  NORMAL: 'p',
};

function paragraphHtml(p: DocParagraph): string {
  const open = HEADING_TAGS[p.heading] ?? 'p';
  const tag = open.split(' ')[0];
  const style = p.alignment ? ` style="text-align:${p.alignment.toLowerCase()}"` : '';
  const text = escapeHtml(p.text).replace(/\n/g, '<br>');
  return `<${open}${style}>${p.bold ? `<strong>${text}</strong>` : text}</${tag}>`;
}

function tableHtml(t: DocTable): string {
  const rows = t.rows.map((row) => `<tr>${row.map((c) => `<td>${c.bold ? `<strong>${escapeHtml(c.text)}</strong>` : escapeHtml(c.text)}</td>`).join('')}</tr>`);
  return `<table>${rows.join('')}</table>`;
}

const STYLE =
  'body{font-family:Arial,sans-serif;max-width:800px;margin:2em auto;color:#222}' +
  'table{border-collapse:collapse;margin:1em 0}td{border:1px solid #999;padding:4px 8px}' +
  '.title{font-size:2em}.subtitle{color:#666}.page-break{page-break-after:always;border-top:1px dashed #ccc;margin:2em 0}';

/** A standalone HTML page showing the document (headings, paragraphs, lists, tables), escaped. */
export function contentToHtml(content: DocContent, title: string): string {
  const parts: string[] = [];
  let inList = false;
  for (const e of content.elements) {
    if (e.type === 'LIST_ITEM' && !inList) parts.push('<ul>');
    if (e.type !== 'LIST_ITEM' && inList) parts.push('</ul>');
    inList = e.type === 'LIST_ITEM';
    if (e.type === 'LIST_ITEM') parts.push(`<li>${escapeHtml(e.text)}</li>`);
    else if (e.type === 'PARAGRAPH') parts.push(paragraphHtml(e));
    else if (e.type === 'TABLE') parts.push(tableHtml(e));
    else if (e.type === 'HORIZONTAL_RULE') parts.push('<hr>');
    else parts.push('<div class="page-break"></div>');
  }
  if (inList) parts.push('</ul>');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}
