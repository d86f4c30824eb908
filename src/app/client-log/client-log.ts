/**
 * The prepaid log a client reads, as their own spreadsheet: export it (created the first
 * time, found by the ID recorded in document properties every time after), share it
 * view-only with one email at a time, take a share back, and refresh it after every
 * ledger change and from the hourly trigger. Exporting and sharing are for authorizers;
 * the file never holds anything but this client's rows, and its link sharing stays off
 * unless Settings turn it on for this client.
 */
import { buildClientReport, type ClientLogView, type ClientReport, type Period } from '../../core/client-report';
import { isEmailAddress } from '../../core/people';
import { authorizerRefusal } from '../../core/permissions';
import { formatHours } from '../../core/quantities';
import { ok, type Result, refuse } from '../../core/result';
import type { Settings } from '../../core/settings';
import type { Client, LogRow } from '../../core/types';
import { type ClientLogRecord, EMPTY_RECORD, loadAllClientLogs, loadClientLog, storeClientLog } from '../../services/client-log.store';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings } from '../../services/settings.store';
import { cellString } from '../../sheets/cell-text';
import { type Audience, clientLogCsv, clientLogTitle, writeClientLogFile, type SummaryFacts } from '../../sheets/client-log-file';
import { CreditsRepository } from '../../sheets/credits.repository';
import { InvoicesRepository } from '../../sheets/invoices.repository';
import { openArchives } from '../../drive/archive-files';
import { readArchivedLog } from '../../sheets/archive.repository';
import { PrepaidLogRepository } from '../../sheets/prepaid-log.repository';
import { INVOICES } from '../../sheets/schema';
import { dayOf, isDay, startOfDay } from '../../services/calendar-day';
import { shortId } from '../../core/ids';
import { LedgerSession } from '../ledger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Options of {@link exportPrepaidLog}. Days are `yyyy-MM-dd` in the workbook's time zone, both inclusive. */
export interface ExportOptions {
  from?: string;
  to?: string;
  /** Also save a PDF of the report next to the file. */
  pdf?: boolean;
  /**
   * Also return the log as CSV text: `true` or `'client'` gives the file's columns, to send to
   * the client; `'agency'` adds each row's Log ID, Entry ID and raw hours, for the agency's own books.
   */
  csv?: boolean | Audience;
}

/** What share and unshare return (JSON-safe): the file and who may open it. */
export interface ClientLogSharing {
  client: string;
  url: string;
  /** The emails the file is shared with (view only). */
  sharedWith: string[];
  /** True when Settings let anyone with the link open this client's file. */
  linkSharing: boolean;
  summary: string;
}

/** What an export returns (JSON-safe). */
export interface ClientLogResult extends ClientLogSharing {
  /** True when this call created the file. */
  created: boolean;
  /** The period shown, as yyyy-MM-dd days ('' for an open end). */
  from: string;
  to: string;
  /** Rows on the log tab (the opening balance included). */
  rows: number;
  balanceMinutes: number;
  /** The forecast in words: "credits run out around 2026-03-10", or why there is no date. */
  forecast: string;
  pdfUrl?: string;
  csv?: string;
}

/** How one client's file fared in a refresh. */
export interface ClientLogRefresh {
  client: string;
  ok: boolean;
  url?: string;
  error?: string;
}

/** What every operation reads once, under the lock. */
interface Context {
  services: Services;
  settings: Settings;
  credits: CreditsRepository;
  log: readonly LogRow[];
  openInvoices: Map<string, string>;
}

/** What a ledger session has already read under the lock (a LedgerSession is one). */
export interface ReadLedger {
  settings: Settings;
  credits: CreditsRepository;
  log: { rows: readonly LogRow[] };
}

/** The newest unpaid (Pending or Open) invoice number per client; none when there is no Invoices sheet. */
function openTopUpInvoices(spreadsheet: Spreadsheet): Map<string, string> {
  const open = new Map<string, string>();
  if (!spreadsheet.getSheetByName(INVOICES.name)) return open;
  for (const row of InvoicesRepository.read(spreadsheet).rows) if (row.status === 'Pending' || row.status === 'Open') open.set(row.client, row.invoiceNo);
  return open;
}

/** The ledger read for an authorizer, refused when the chain does not vouch for every row: a client's file never shows a forged row. */
function verifiedLedger(services: Services): Result<ReadLedger> {
  const session = new LedgerSession(services);
  const denied = session.changeRefusal();
  return denied ? { ok: false, refusal: denied } : ok(session);
}

function readContext(services: Services, read?: ReadLedger): Context {
  return {
    services,
    settings: read?.settings ?? loadSettings(services),
    credits: read?.credits ?? CreditsRepository.read(services.spreadsheet),
    log: (read?.log ?? PrepaidLogRepository.read(services.spreadsheet)).rows,
    openInvoices: openTopUpInvoices(services.spreadsheet),
  };
}

function viewOf(settings: Settings): ClientLogView {
  return { person: settings.clientLogPerson, showDescriptions: settings.clientLogShowDescriptions };
}

function facts(ctx: Context, client: string): SummaryFacts {
  return { openInvoice: ctx.openInvoices.get(client) ?? null, format: (time, pattern) => ctx.services.formatDate(time, pattern) };
}

function emailAddress(email: unknown): Result<string> {
  const address = String(email ?? '')
    .trim()
    .toLowerCase();
  if (!isEmailAddress(address)) return refuse('bad-email', `"${String(email ?? '')}" is not an email address. Enter the client's email, like name@client.com.`);
  return ok(address);
}

/** The export's period, as given (days may be empty for an open end), or why it cannot be used. */
function periodOption(opts: ExportOptions): Result<{ from: string; to: string }> {
  const period = { from: String(opts.from ?? '').trim(), to: String(opts.to ?? '').trim() };
  for (const which of ['from', 'to'] as const) {
    if (period[which] && !isDay(period[which])) return refuse('bad-date', `The "${which}" date "${period[which]}" is not a date written yyyy-mm-dd.`);
  }
  if (period.from && period.to && period.to < period.from)
    return refuse('bad-period', `The period ends (${period.to}) before it starts (${period.from}). Swap the dates.`);
  return ok(period);
}

/** The next calendar day of a yyyy-MM-dd day. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function periodOf(services: Services, record: ClientLogRecord): Period {
  return { from: record.from ? startOfDay(services, record.from) : null, to: record.to ? startOfDay(services, nextDay(record.to)) : null };
}

function forecastSentence(report: ClientReport, ctx: Context): string {
  const f = report.forecast;
  if (f.status === 'date' && f.date !== null) return `credits run out around ${ctx.services.formatDate(f.date, 'yyyy-MM-dd')}`;
  return f.method.charAt(0).toLowerCase() + f.method.slice(1).replace(/\.$/, '');
}

/**
 * Creates the client's file, crash-safely: the record first gets a pending token, the file
 * is created under a temporary name ending with it, and its ID is recorded at once. A run
 * stopped between those steps finds the file by that name instead of making a second one.
 */
function createFile(services: Services, client: string, record: ClientLogRecord): { spreadsheet: Spreadsheet; record: ClientLogRecord } {
  let next = record;
  if (!next.pending) {
    next = { ...next, fileId: '', pending: shortId('F', services.uuid()), shares: [] };
    storeClientLog(services, client, next);
  }
  const spreadsheet = services.files.findOrCreateSpreadsheet(`${clientLogTitle(client)} (being created ${next.pending})`).value;
  next = { ...next, fileId: spreadsheet.getId(), pending: '' };
  storeClientLog(services, client, next);
  return { spreadsheet, record: next };
}

/** The client's file, created when the record has none or it can no longer be opened; named and zoned like the workbook. */
function openOrCreate(services: Services, client: string, record: ClientLogRecord): { spreadsheet: Spreadsheet; record: ClientLogRecord; created: boolean } {
  const existing = record.fileId ? services.files.openSpreadsheet(record.fileId) : null;
  const opened = existing ? { spreadsheet: existing, record, created: false } : { ...createFile(services, client, record), created: true };
  const title = clientLogTitle(client);
  if (opened.spreadsheet.getName() !== title) opened.spreadsheet.rename(title);
  if (opened.spreadsheet.getSpreadsheetTimeZone() !== services.timeZone()) opened.spreadsheet.setSpreadsheetTimeZone(services.timeZone());
  return opened;
}

function savePdf(services: Services, fileId: string, client: string, asOf: number): string {
  services.flush();
  return services.files.savePdf(fileId, `${clientLogTitle(client)} ${services.formatDate(asOf, 'yyyy-MM-dd HHmm')}.pdf`);
}

/** The Log ID of the client's last log row ('' when it has none): what a file written now shows up to. */
function lastLogId(log: readonly LogRow[], client: string): string {
  for (let i = log.length - 1; i >= 0; i--) if (log[i].client === client) return log[i].logId;
  return '';
}

/** Builds the client's report, writes it into their file (which must exist), then records how far the file goes. */
/**
 * The client's log for a period. When the period starts before the `Opening balance` row
 * an archive run left, the archived rows are read back in its place, so the client still
 * sees the full history; an opening row is dropped wherever the rows it sums are present.
 */
function historyFor(ctx: Context, client: string, period: Period): readonly LogRow[] {
  const opening = ctx.log.find((r) => r.client === client && r.kind === 'Opening balance');
  if (period.from === null || !opening || opening.at <= period.from) return ctx.log;
  const archived = readArchivedLog(openArchives(ctx.services.files, ctx.settings.archives));
  const rows = [...archived, ...ctx.log].filter((r) => r.client === client);
  return rows.filter((r, i) => r.kind !== 'Opening balance' || i === 0);
}

function writeReport(ctx: Context, client: Client, spreadsheet: Spreadsheet, record: ClientLogRecord): ClientReport {
  const period = periodOf(ctx.services, record);
  const report = buildClientReport({
    client,
    log: historyFor(ctx, client.name, period),
    now: ctx.services.now(),
    period,
    view: viewOf(ctx.settings),
    dayOf: (time) => dayOf(ctx.services, time),
  });
  writeClientLogFile(spreadsheet, report, viewOf(ctx.settings), facts(ctx, client.name));
  storeClientLog(ctx.services, client.name, { ...loadClientLog(ctx.services, client.name), through: lastLogId(ctx.log, client.name) });
  return report;
}

function findClient(ctx: Context, name: unknown): Result<Client> {
  return ctx.credits.find(cellString(name));
}

function sharing(settings: Settings, client: string, url: string, record: ClientLogRecord, summary: string): ClientLogSharing {
  return { client, url, sharedWith: [...record.shares], linkSharing: settings.linkSharingClients.includes(client), summary };
}

/** Who the CSV asked for is for, or null for none; anything else is refused (`bad-option`) before any work. */
function csvAudience(csv: unknown): Result<Audience | null> {
  if (csv === undefined || csv === null || csv === false) return ok(null);
  if (csv === true || csv === 'client') return ok('client');
  if (csv === 'agency') return ok('agency');
  return refuse('bad-option', `The csv option "${String(csv)}" is not one of true, 'client' or 'agency'. Use true for the client's CSV.`);
}

/** Exports one client's file under the lock already held; shared by export and share. */
function exportLocked(ctx: Context, client: Client, period: { from: string; to: string }, options: ExportOptions): ClientLogResult {
  const { services } = ctx;
  const wanted: ClientLogRecord = { ...loadClientLog(services, client.name), ...period };
  const opened = openOrCreate(services, client.name, wanted);
  const record = { ...opened.record, ...period };
  storeClientLog(services, client.name, record);
  const report = writeReport(ctx, client, opened.spreadsheet, record);
  const allowLink = ctx.settings.linkSharingClients.includes(client.name);
  services.files.setLinkSharing(record.fileId, allowLink);
  const url = opened.spreadsheet.getUrl();
  const pdfUrl = options.pdf ? savePdf(services, record.fileId, client.name, report.asOf) : undefined;
  const audience = csvAudience(options.csv);
  const csv = audience.ok && audience.value ? clientLogCsv(report, viewOf(ctx.settings), facts(ctx, client.name), audience.value) : undefined;
  const forecast = forecastSentence(report, ctx);
  const summary = `${opened.created ? 'Created' : 'Updated'} the prepaid log of ${client.name}: ${formatHours(report.balanceMinutes)} h left; ${forecast}. ${url}`;
  return {
    ...sharing(ctx.settings, client.name, url, record, summary),
    created: opened.created,
    from: record.from,
    to: record.to,
    rows: report.lines.length,
    balanceMinutes: report.balanceMinutes,
    forecast,
    ...(pdfUrl ? { pdfUrl } : {}),
    ...(csv !== undefined ? { csv } : {}),
  };
}

/**
 * Creates or refreshes the client's prepaid log file and returns its URL. With `from`/`to`
 * the file shows that period, opening with the balance carried in, and later refreshes
 * keep it; without them it shows the whole log.
 */
export function exportPrepaidLog(services: Services, client: string, options: ExportOptions = {}): Result<ClientLogResult> {
  const opts = options && typeof options === 'object' ? options : {};
  const period = periodOption(opts);
  if (!period.ok) return period;
  const audience = csvAudience(opts.csv);
  if (!audience.ok) return audience;
  return withDocumentLock(services, () => {
    const verified = verifiedLedger(services);
    if (!verified.ok) return verified;
    const ctx = readContext(services, verified.value);
    const found = findClient(ctx, client);
    return found.ok ? ok(exportLocked(ctx, found.value, period.value, opts)) : found;
  });
}

/** Shares the client's file (never the agency's workbook) view-only with one email, creating the file first if needed. */
export function shareClientLog(services: Services, client: string, email: string): Result<ClientLogSharing> {
  const checked = emailAddress(email);
  if (!checked.ok) return checked;
  const address = checked.value;
  return withDocumentLock(services, () => {
    const verified = verifiedLedger(services);
    if (!verified.ok) return verified;
    const ctx = readContext(services, verified.value);
    const known = findClient(ctx, client);
    if (!known.ok) return known;
    const found = known.value;
    const stored = loadClientLog(services, found.name);
    // Always written before sharing: a run stopped after creating the file left it unnamed and empty.
    const url = exportLocked(ctx, found, { from: stored.from, to: stored.to }, {}).url;
    let record = loadClientLog(services, found.name);
    const file = services.files.sharing(record.fileId);
    if (file.ownerEmail() === address)
      return refuse('owner', `${address} owns the prepaid log of ${found.name} already; share it with the client's email instead.`);
    if (file.isEditor(address)) file.removeEditor(address);
    if (!file.isViewer(address)) file.addViewer(address);
    if (!record.shares.includes(address)) record = { ...record, shares: [...record.shares, address] };
    storeClientLog(services, found.name, record);
    services.files.setLinkSharing(record.fileId, ctx.settings.linkSharingClients.includes(found.name));
    return ok(sharing(ctx.settings, found.name, url, record, `Shared the prepaid log of ${found.name} with ${address} (view only). ${url}`));
  });
}

/** Takes back a share; works from the record alone, so a client renamed or removed in Credits can still be unshared. */
export function unshareClientLog(services: Services, client: string, email: string): Result<ClientLogSharing> {
  const checked = emailAddress(email);
  if (!checked.ok) return checked;
  const address = checked.value;
  const name = cellString(client);
  return withDocumentLock(services, () => {
    const settings = loadSettings(services);
    const denied = authorizerRefusal(services.userEmail(), settings.authorizers);
    if (denied) return { ok: false, refusal: denied };
    let record = loadClientLog(services, name);
    if (!record.fileId) return refuse('no-file', `There is no prepaid log file for "${name}", so there is nothing to unshare. Check the client's name.`);
    const file = services.files.sharing(record.fileId);
    const isViewer = file.isViewer(address);
    const isEditor = file.isEditor(address);
    if (isViewer) file.removeViewer(address);
    if (isEditor) file.removeEditor(address);
    record = { ...record, shares: record.shares.filter((s) => s !== address) };
    storeClientLog(services, name, record);
    const summary =
      isViewer || isEditor
        ? `${address} can no longer open the prepaid log of ${name}.`
        : `The prepaid log of ${name} was not shared with ${address}; nothing changed.`;
    return ok(sharing(settings, name, file.url(), record, summary));
  });
}

/**
 * Rewrites the files of these clients from the log, for those that have one. Call it under
 * the document lock, right after a ledger change (passing the session, whose Credits and
 * log are already read) or from the hourly trigger. It reads nothing more than the
 * Invoices sheet, and only when one of the clients has a file; it reports each file's
 * failure instead of throwing, because the change it follows is already saved. Given the
 * session, it also refreshes files that are behind the log (see ClientLogRecord.through).
 */
export function refreshClientLogs(services: Services, clients: readonly string[], read?: ReadLedger): ClientLogRefresh[] {
  const records = loadAllClientLogs(services);
  // Files a stopped run left behind the log catch up with this change.
  const behind = read ? [...records].filter(([client, r]) => r.fileId && r.through !== lastLogId(read.log.rows, client)).map(([client]) => client) : [];
  return refreshRecords(services, records, [...clients, ...behind], read);
}

function refreshRecords(services: Services, records: Map<string, ClientLogRecord>, clients: readonly string[], read?: ReadLedger): ClientLogRefresh[] {
  const due = [...new Set(clients)].filter((c) => records.get(c)?.fileId);
  if (due.length === 0) return [];
  let ctx: Context;
  try {
    ctx = readContext(services, read);
  } catch (error) {
    return due.map((client) => ({ client, ok: false, error: (error as Error).message }));
  }
  return due.map((name) => {
    try {
      const record = records.get(name) ?? EMPTY_RECORD;
      const spreadsheet = services.files.openSpreadsheet(record.fileId);
      if (!spreadsheet)
        return {
          client: name,
          ok: false,
          error: `The prepaid log file of ${name} cannot be opened (deleted, or owned by someone else). Export it again to make a new one.`,
        };
      const found = findClient(ctx, name);
      if (!found.ok) return { client: name, ok: false, error: found.refusal.message };
      writeReport(ctx, found.value, spreadsheet, record);
      services.files.setLinkSharing(record.fileId, ctx.settings.linkSharingClients.includes(name));
      return { client: name, ok: true, url: spreadsheet.getUrl() };
    } catch (error) {
      return { client: name, ok: false, error: (error as Error).message };
    }
  });
}

/**
 * Refreshes every client's file but those in `skip` (refreshed a moment ago): the hourly
 * trigger's share of the work, because the forecast and the weeks move with time.
 */
export function refreshAllClientLogs(services: Services, read?: ReadLedger, skip: readonly string[] = []): ClientLogRefresh[] {
  const records = loadAllClientLogs(services);
  return refreshRecords(
    services,
    records,
    [...records.keys()].filter((c) => !skip.includes(c)),
    read,
  );
}

/** Sentences for a use case's summary about files that could not be refreshed ('' when all went well), with a leading space. */
export function describeRefresh(results: readonly ClientLogRefresh[]): string {
  return results
    .filter((r) => !r.ok)
    .map((r) => ` The prepaid log of ${r.client} was not refreshed: ${r.error}`)
    .join('');
}
