/**
 * What a workbook means, without what legitimately differs between two runs of the same
 * scenario: the random part of assigned Entry IDs and Log IDs, checksums that chain over
 * them, Drive IDs. Two runs that end in equal states lost nothing and doubled nothing:
 * the same log rows (counted by content), statuses, balances, invoices and numbers,
 * Drive files with their contents, shares and mail. The invariants the issue names
 * (each entry deducted at most once, each crossing invoiced at most once, no duplicate
 * share) are checked here too, on any workbook.
 */
import type { Addon } from '../addon';
import type { DriveFileRecord } from '../../emulator/index';
import { readRows } from '../../emulator/sheet-rows';

type Row = Record<string, unknown>;

/** Drive IDs, random IDs the add-on draws (E-, L-, F-, L-R…) and 8-hex checksums, each replaced by a placeholder. */
function withoutRandomIds(text: string): string {
  return text
    .replace(/\b1[A-Za-z0-9_-]{43}/g, '(drive id)')
    .replace(/\b([ELF])-[0-9A-F]{14}\b/g, '$1-(id)')
    .replace(/\b[0-9a-f]{8}\b/g, '(checksum)');
}

/** Columns whose values are drawn at random (or point at something that is), left out of comparisons. */
const RANDOM_COLUMNS = new Set(['Log ID', 'Checksum', 'Crossing', 'Log through', 'Doc ID', 'PDF ID', 'Document', 'PDF']);

function normalRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (RANDOM_COLUMNS.has(key)) continue;
    out[key] = typeof value === 'string' ? withoutRandomIds(value) : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

function sheetRows(addon: Addon, sheet: string): Row[] {
  return addon.emu.spreadsheet.getSheetByName(sheet) ? readRows(addon.emu.spreadsheet, sheet) : [];
}

/** A multiset as a sorted list, so the order rows were written in does not matter but their count does. */
function counted(items: unknown[]): string[] {
  return items.map((i) => JSON.stringify(i)).sort();
}

function liveDriveFiles(addon: Addon): DriveFileRecord[] {
  const workbook = addon.emu.spreadsheet.getId();
  return addon.emu.files.list().filter((f) => !f.trashed && f.id !== workbook && f.id !== addon.emu.files.rootId);
}

function fileName(addon: Addon, id: string): string {
  return addon.emu.files.get(id)?.name ?? `(missing ${id})`;
}

/** A Drive file as a person would compare it: kind, name, folder, sharing and content. */
function driveFileState(addon: Addon, file: DriveFileRecord) {
  const content = file.spreadsheet
    ? JSON.stringify(
        Object.entries(addon.emu.snapshot((addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(file.id))).map(
          ([name, values]) => {
            const [header = [], ...rest] = values;
            return [name, rest.map((r) => normalRow(Object.fromEntries(header.map((h, i) => [String(h), r[i]]))))];
          },
        ),
      )
    : file.mimeType === 'application/vnd.google-apps.folder'
      ? ''
      : withoutRandomIds(addon.emu.files.content(file.id));
  return {
    kind: file.mimeType,
    name: withoutRandomIds(file.name),
    folders: file.parents.map((p) => fileName(addon, p)).sort(),
    viewers: [...file.viewers].sort(),
    editors: [...file.editors].sort(),
    access: `${file.access}/${file.permission}`,
    content,
  };
}

/** The invoice rows, with whether their Doc and PDF IDs point at live files of the right names. */
function invoiceState(addon: Addon) {
  return sheetRows(addon, 'Invoices').map((r) => {
    const name = `${String(r['Invoice no'])} ${String(r.Client)}`;
    const doc = addon.emu.files.get(String(r['Doc ID']));
    const pdf = addon.emu.files.get(String(r['PDF ID']));
    return {
      ...normalRow(r),
      doc: Boolean(doc && !doc.trashed && doc.name === name),
      pdf: Boolean(pdf && !pdf.trashed && pdf.name === `${name}.pdf`),
    };
  });
}

/** Everything a stopped-and-resumed run must end with, equal to an uninterrupted run's. */
export function workbookState(addon: Addon) {
  return {
    log: counted(sheetRows(addon, 'Prepaid log').map(normalRow)),
    entries: sheetRows(addon, 'Time entries').map(normalRow),
    credits: sheetRows(addon, 'Credits').map(normalRow),
    // The log's sealed copy: a resumed run must leave it matching the log, as an uninterrupted one does.
    seal: counted(sheetRows(addon, 'Prepaid seal').map(normalRow)),
    invoices: invoiceState(addon),
    otherSheets: addon.emu.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => !['Credits', 'Time entries', 'Prepaid log', 'Invoices', 'Prepaid seal'].includes(n))
      .sort(),
    drive: counted(liveDriveFiles(addon).map((f) => driveFileState(addon, f))),
    // Which emails went out, not how often: MailApp cannot take back a send, so a stop in the
    // instant between sending an invoice and recording it sends that same invoice again.
    mail: [...new Set(addon.emu.mail.map((m) => withoutRandomIds(JSON.stringify(m))))].sort(),
    documentProperties: documentProperties(addon),
  };
}

/** The record of what the last invoicing run did: a resumed run rightly says "finished" where an uninterrupted one says "created". */
const RUN_REPORT = 'prepaidTime.invoicing.lastRun';

/** Settings and per-client records in the document properties, IDs left out. */
function documentProperties(addon: Addon): Record<string, string> {
  const props = (addon.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties();
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k]) => k !== RUN_REPORT)
      .map(([k, v]) => [k, withoutRandomIds(v)]),
  );
}

/** The differences between two states, by part, as short sentences ([] when equal). */
export function stateDifferences(expected: ReturnType<typeof workbookState>, actual: ReturnType<typeof workbookState>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (JSON.stringify(expected[key]) === JSON.stringify(actual[key])) continue;
    out.push(`${key} differs: ${describeDifference(expected[key], actual[key])}`);
  }
  return out;
}

const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

/** For lists: the items only one side has; otherwise both values. */
function describeDifference(expected: unknown, actual: unknown): string {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return `expected ${clip(JSON.stringify(expected))}, got ${clip(JSON.stringify(actual))}`;
  const a = expected.map((x) => JSON.stringify(x));
  const b = actual.map((x) => JSON.stringify(x));
  const missing = a.filter((x) => !b.includes(x));
  const extra = b.filter((x) => !a.includes(x));
  if (!missing.length && !extra.length) return `the same items in another order or count (${a.length} expected, ${b.length} found)`;
  return `missing ${missing.length ? clip(missing.join(' | ')) : 'nothing'}; unexpected ${extra.length ? clip(extra.join(' | ')) : 'nothing'}`;
}

/**
 * The promises any workbook must keep, whatever happened to it: no entry deducted more
 * often than reversed plus once, no crossing of a minimum invoiced twice, no invoice
 * number used twice, at most one Top-up per invoice number, no file shared twice with
 * the same person, one client log file per client.
 */
export function invariantBreaks(addon: Addon): string[] {
  const out: string[] = [];
  const net = new Map<string, number>();
  const topUps = new Map<string, number>();
  for (const r of sheetRows(addon, 'Prepaid log')) {
    const entry = String(r['Entry ID'] ?? '');
    if (entry && (r.Kind === 'Deduction' || r.Kind === 'Reversal')) net.set(entry, (net.get(entry) ?? 0) + (r.Kind === 'Deduction' ? 1 : -1));
    if (r.Kind === 'Top-up' && r.Reference) topUps.set(String(r.Reference), (topUps.get(String(r.Reference)) ?? 0) + 1);
  }
  for (const [entry, n] of net) if (n > 1 || n < 0) out.push(`entry ${entry} is deducted ${n} times net`);
  for (const [invoice, n] of topUps) if (n > 1) out.push(`invoice ${invoice} was credited ${n} times`);
  const crossings = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const r of sheetRows(addon, 'Invoices')) {
    if (r.Crossing) crossings.set(String(r.Crossing), (crossings.get(String(r.Crossing)) ?? 0) + 1);
    numbers.set(String(r['Invoice no']), (numbers.get(String(r['Invoice no'])) ?? 0) + 1);
  }
  for (const [crossing, n] of crossings) if (n > 1) out.push(`the crossing at log row ${crossing} was invoiced ${n} times`);
  for (const [no, n] of numbers) if (n > 1) out.push(`invoice number ${no} is used ${n} times`);
  for (const file of liveDriveFiles(addon)) {
    const people = [...file.viewers, ...file.editors];
    if (new Set(people).size !== people.length) out.push(`${file.name} lists a person twice among its viewers and editors`);
  }
  const clientLogs = new Map<string, number>();
  for (const file of liveDriveFiles(addon)) {
    const client = /^Prepaid log — (.*?)(?: \(being created .*\))?$/.exec(file.name)?.[1];
    if (client && file.spreadsheet) clientLogs.set(client, (clientLogs.get(client) ?? 0) + 1);
  }
  for (const [client, n] of clientLogs) if (n > 1) out.push(`${client} has ${n} client log files`);
  return out;
}
