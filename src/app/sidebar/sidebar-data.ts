/**
 * `getSidebarData(filter)`: everything a sidebar panel shows, in one call — who the user
 * is and whether they may authorize, the settings, every client with its balance, the
 * entries matching the filter with a preview of what authorizing them would deduct, the
 * invoicing status with the unpaid invoices, and the client log files. The preview runs
 * the real authorization plan on a throwaway ledger, so it shows exactly the rounding and
 * the skip reasons the Authorize button would meet. It takes no lock: it only reads,
 * except that rows still lacking an Entry ID get one (under the lock) so the sidebar can
 * name them.
 */
import { type AuthorizeInput, planAuthorization } from '../../core/authorize';
import { type AuthorizeCounts, countAuthorization } from '../../core/authorize-counts';
import { shortId } from '../../core/ids';
import { Ledger } from '../../core/ledger';
import { personName } from '../../core/people';
import { authorizerRefusal } from '../../core/permissions';
import type { LedgerBreak } from '../../core/seal';
import type { Settings } from '../../core/settings';
import type { BalanceChange, EntryFlag, SkipCode } from '../../core/types';
import { dayOf, isDay } from '../../services/calendar-day';
import { BusyError, withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadProtection } from '../../services/protection.store';
import { durationEpochMs } from '../../sheets/duration-epoch';
import { selectedRows } from '../../sheets/selection';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import { LedgerSession } from '../ledger';
import { getTimer, type TimerView } from '../time-entries';
import { type ClientLogLink, clientLogLinks } from './sidebar-client-logs';
import { type SidebarInvoicing, sidebarInvoicing } from './sidebar-invoicing';
import { type ClientView, clientView, type EntryView, entryView } from './sidebar-views';

export interface SidebarFilter {
  client?: string;
  person?: string;
  /** First and last day, `yyyy-MM-dd`, inclusive. */
  from?: string;
  to?: string;
  /** Open entries (to authorize) or authorized ones (to reverse). Default: open. */
  status?: 'open' | 'authorized';
  /** All entries, those ticked in the sheet's Select column, or those on the rows selected in the sheet. */
  source?: 'all' | 'ticked' | 'selected';
}

/** What authorizing one listed open entry would do. */
export interface EntryPreview {
  entryId: string;
  /**
   * Open: minutes authorizing would deduct after rounding — for a flagged entry, once it is
   * confirmed; null when it would be skipped whatever is confirmed. Authorized: minutes deducted.
   */
  deductMinutes: number | null;
  /** Why it would be skipped whatever is confirmed; '' when it can go through. */
  problem: string;
  /** The code of that skip; '' when there is none. */
  skipCode: SkipCode | '';
  /** What is unusual about it: it goes through only when confirmed ("Authorize anyway"). */
  flags: EntryFlag[];
}

/** A client's line in the preview: hours to deduct after rounding and the balance before and after. */
export interface ClientTotal extends BalanceChange {
  entries: number;
  rawMinutes: number;
  deductMinutes: number;
}

export interface SidebarData {
  user: string;
  /** The user's name as Time entries write it (Settings' People, else the name part of their email). */
  userName: string;
  canAuthorize: boolean;
  /** Why the user may not authorize (it names who can); '' when they may. */
  permission: string;
  settings: Settings;
  timeZone: string;
  /** Today in the spreadsheet's time zone, `yyyy-MM-dd`. */
  today: string;
  clients: ClientView[];
  /** Everyone who has logged time, by name (an email in the Person column counts as its person's name), for the Person filter. */
  people: string[];
  filter: Required<SidebarFilter>;
  entries: (EntryView & EntryPreview)[];
  totals: ClientTotal[];
  /** What authorizing every listed entry (confirming none) would do, counted as the result counts. */
  counts: AuthorizeCounts;
  /** A sentence when the filter cannot be applied (e.g. nothing selected in the sheet); '' otherwise. */
  notice: string;
  timer: TimerView | null;
  /** Hourly invoicing's status and last run, and the unpaid invoices. */
  invoicing: SidebarInvoicing;
  /** Each exported client log file and who it is shared with; empty unless the user may authorize. */
  clientLogs: ClientLogLink[];
  /** Whether the chain vouches for every log row; what happened to the first row it does not (authorizers only), or a short notice. */
  ledger: { ok: boolean; problem: LedgerBreak | null; notice: string };
  /** Authorizers only: a warning while the ledger sheets are not protected for the authorizers alone ('' when they are). */
  protectionWarning: string;
}

const OTHERS_NOTICE =
  'The prepaid log was changed by hand, so authorizing, top-ups and invoicing are paused until an authorizer resolves it. Logging time still works.';

function ledgerState(session: LedgerSession, authorizer: boolean): SidebarData['ledger'] {
  const found = session.ledgerBreak();
  if (!found) return { ok: true, problem: null, notice: '' };
  return authorizer ? { ok: false, problem: found.break, notice: found.break.message } : { ok: false, problem: null, notice: OTHERS_NOTICE };
}

function protectionWarning(services: Services): string {
  const state = loadProtection(services);
  if (!state)
    return 'The Prepaid log, Invoices and Credits sheets are not protected for the authorizers yet: anyone who can edit the spreadsheet can change them by hand. Run Extensions > Prepaid Time > Set up sheets.';
  return state.ok ? '' : state.problems.join(' ');
}

function normalizeFilter(filter: SidebarFilter | null | undefined): Required<SidebarFilter> {
  const f = filter ?? {};
  const text = (v: unknown) => String(v ?? '').trim();
  const normal: Required<SidebarFilter> = {
    client: text(f.client),
    person: text(f.person),
    from: text(f.from),
    to: text(f.to),
    status: f.status ?? 'open',
    source: f.source ?? 'all',
  };
  if (normal.status !== 'open' && normal.status !== 'authorized') throw new Error(`The status filter "${normal.status}" is not open or authorized.`);
  if (!['all', 'ticked', 'selected'].includes(normal.source)) throw new Error(`The source filter "${normal.source}" is not all, ticked or selected.`);
  for (const key of ['from', 'to'] as const) {
    if (normal[key] && !isDay(normal[key])) throw new Error(`The "${key}" date "${normal[key]}" is not a date written yyyy-mm-dd.`);
  }
  return normal;
}

/** `Time entries` read without the lock; only when some row lacks an Entry ID is it re-read under the lock to assign one. */
function readEntries(services: Services): TimeEntriesRepository {
  const repo = TimeEntriesRepository.read(services.spreadsheet);
  if (repo.entries.every((e) => e.entryId)) return repo;
  try {
    return withDocumentLock(services, () => TimeEntriesRepository.read(services.spreadsheet, () => shortId('E', services.uuid())));
  } catch (error) {
    // Someone else holds the lock: show the rows as they are; the next load names them.
    if (error instanceof BusyError) return repo;
    throw error;
  }
}

/** The rows the `source` filter keeps, or a sentence saying why it cannot be applied. */
function sourceRows(services: Services, source: Required<SidebarFilter>['source']): { rows: Set<number> | null; notice: string } {
  if (source !== 'selected') return { rows: null, notice: '' };
  const selected = selectedRows(services.spreadsheet);
  return selected.ok ? { rows: new Set(selected.value), notice: '' } : { rows: new Set(), notice: selected.refusal.message };
}

/** Reads the workbook once and returns what the sidebar shows for `filter`. */
export function getSidebarData(services: Services, filter?: SidebarFilter | null): SidebarData {
  const wanted = normalizeFilter(filter);
  const session = new LedgerSession(services);
  const repo = readEntries(services);
  const epoch = durationEpochMs(services);
  const { settings, ledger } = session;
  const refusal = authorizerRefusal(session.user, settings.authorizers);
  const { rows: selected, notice } = sourceRows(services, wanted.source);
  const nameOf = (who: string) => personName(who, settings.people);
  // An email in the filter (an older link) finds its person's entries too.
  const person = wanted.person ? nameOf(wanted.person).toLowerCase() : '';

  const views = repo.entries.map((entry) => ({ entry, view: entryView(services, entry, ledger, epoch) }));
  const listed = views.filter(({ entry, view }) => {
    if (view.status !== (wanted.status === 'open' ? 'Open' : 'Authorized')) return false;
    if (wanted.client && view.client !== wanted.client) return false;
    if (person && nameOf(view.person).toLowerCase() !== person) return false;
    if (wanted.from && (!view.date || view.date < wanted.from)) return false;
    if (wanted.to && (!view.date || view.date > wanted.to)) return false;
    if (wanted.source === 'ticked' && !entry.selected) return false;
    if (selected && !selected.has(entry.row)) return false;
    return true;
  });

  const ids = wanted.status === 'open' ? listed.map(({ view }) => view.entryId) : [];
  const preview = (confirmed: string[]) =>
    planAuthorization({
      entryIds: ids,
      entries: repo.entries,
      clients: session.credits.clients,
      ledger: new Ledger(ledger.rows),
      roundingMinutes: settings.roundingMinutes,
      user: session.user,
      now: session.now,
      durationEpochMs: epoch,
      newLogId: () => 'preview',
      dayOf: (time) => dayOf(services, time),
      confirmed,
    } satisfies AuthorizeInput);
  // As Authorize would run now, confirming nothing; and with every flag confirmed, for what each flagged entry would deduct.
  const plan = preview([]);
  const deducts = new Map(preview(ids).authorized.map((a) => [a.row, a.minutes]));
  const skips = new Map(plan.skipped.filter((s) => s.row !== undefined).map((s) => [s.row, s]));
  const totals: ClientTotal[] = plan.balances.map((balance) => {
    const mine = plan.authorized.filter((a) => a.client === balance.client);
    return {
      ...balance,
      entries: mine.length,
      rawMinutes: mine.reduce((sum, a) => sum + a.rawMinutes, 0),
      deductMinutes: mine.reduce((sum, a) => sum + a.minutes, 0),
    };
  });

  return {
    user: session.user,
    userName: session.user ? nameOf(session.user) : '',
    canAuthorize: refusal === null,
    permission: refusal ? refusal.message : '',
    settings,
    timeZone: services.timeZone(),
    today: dayOf(services, session.now),
    clients: [...session.credits.clients.values()].map((c) => clientView(c, ledger, settings.roundingMinutes)),
    people: [...new Set(views.map(({ view }) => nameOf(view.person)).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    filter: wanted,
    entries: listed.map(({ view }) => {
      const skip = skips.get(view.row);
      const hard = skip && !skip.flags ? skip : null;
      return {
        ...view,
        deductMinutes: wanted.status === 'open' ? (deducts.get(view.row) ?? null) : -(ledger.deductionOf(view.entryId)?.minutes ?? 0),
        problem: hard?.message ?? '',
        skipCode: hard?.code ?? '',
        flags: skip?.flags ?? [],
      };
    }),
    totals,
    counts: countAuthorization(plan),
    notice,
    timer: getTimer(services),
    invoicing: sidebarInvoicing(services),
    clientLogs: refusal === null ? clientLogLinks(services, settings) : [],
    ledger: ledgerState(session, refusal === null),
    protectionWarning: refusal === null ? protectionWarning(services) : '',
  };
}
