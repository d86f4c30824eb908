/**
 * `archiveBefore(date)`: keeps one spreadsheet inside its limits as years pass. Authorized
 * entries and log rows older than the date move to the yearly archive; one `Opening
 * balance` row per client carries the balance forward. The order makes a stopped run safe
 * to repeat: copy to the archive (skipping what is there), then delete the live entries,
 * then replace the live log in one write. Balances do not change. `previewArchive(date)`
 * makes the same plan and writes nothing, so a person sees what would move first.
 */
import { type ArchivePlan, planArchive } from '../../core/archive';
import { verifyAppend } from '../../core/ledger';
import { formatHours } from '../../core/quantities';
import { ok, type Result, refuse } from '../../core/result';
import type { LogRow, TimeEntry } from '../../core/types';
import { archiveName, openArchive } from '../../drive/archive-files';
import { isDay, startOfDay } from '../../services/calendar-day';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings, storeSettings } from '../../services/settings.store';
import { archiveEntryRows, archiveLogRows } from '../../sheets/archive.repository';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import { LedgerSession } from './ledger-session';

export interface ArchiveResult {
  archivedLogRows: number;
  archivedEntries: number;
  openingRows: number;
  archives: { year: string; url: string }[];
  summary: string;
}

function byYear<T>(items: readonly T[], year: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = year(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** What archiving before `date` would move, per year; its opening rows carry each client's balance forward. */
export interface ArchivePreview {
  date: string;
  logRows: number;
  entries: number;
  years: { year: string; logRows: number; entries: number }[];
  /** The balance each client carries forward in its `Opening balance` row, in minutes. */
  carried: { client: string; minutes: number }[];
  summary: string;
}

interface YearlyPlan {
  plan: ArchivePlan;
  logByYear: Map<string, LogRow[]>;
  entriesByYear: Map<string, TimeEntry[]>;
  years: string[];
}

/** "1 log row and 2 authorized entries". */
function describeMove(logRows: number, entries: number): string {
  return `${logRows} log ${logRows === 1 ? 'row' : 'rows'} and ${entries} authorized ${entries === 1 ? 'entry' : 'entries'}`;
}

function checkedCutoff(services: Services, date: string): Result<number> {
  if (typeof date !== 'string' || !isDay(date))
    return refuse('bad-date', `"${date}" is not a date. Give the first day to keep as yyyy-mm-dd, e.g. 2026-01-01.`);
  return ok(startOfDay(services, date));
}

/** The archive plan for `cutoff`, with its log rows and entries grouped by the year of the archive they go to. */
function planByYear(session: LedgerSession, entries: readonly TimeEntry[], cutoff: number, newLogId: () => string): YearlyPlan {
  const yearOf = (at: number) => session.services.formatDate(at, 'yyyy');
  const plan = planArchive({
    log: session.log.rows,
    entries,
    cutoff,
    user: session.user,
    newLogId,
    archiveName: (row: LogRow) => archiveName(yearOf(row.at)),
  });
  const deductionYear = new Map(plan.archivedLog.filter((r) => r.kind === 'Deduction').map((r) => [r.entryId, yearOf(r.at)]));
  const logByYear = byYear(plan.archivedLog, (r) => yearOf(r.at));
  const entriesByYear = byYear(plan.archivedEntries, (e) => deductionYear.get(e.entryId) ?? yearOf(cutoff - 1));
  return { plan, logByYear, entriesByYear, years: [...new Set([...logByYear.keys(), ...entriesByYear.keys()])].sort() };
}

/** What `archiveBefore(date)` would move, without writing anything (authorizers only). */
export function previewArchive(services: Services, date: string): Result<ArchivePreview> {
  const checked = checkedCutoff(services, date);
  if (!checked.ok) return checked;
  const cutoff = checked.value;
  const session = new LedgerSession(services);
  // The balances it carries forward come from the log: never from a row the chain does not vouch for.
  const denied = session.changeRefusal();
  if (denied) return { ok: false, refusal: denied };
  // Read without assigning missing Entry IDs: a preview writes nothing (entries without one are never archived).
  const { plan, logByYear, entriesByYear, years } = planByYear(session, TimeEntriesRepository.read(services.spreadsheet).entries, cutoff, () => 'preview');
  const carried = plan.openingRows.map((r) => ({ client: r.client, minutes: r.minutes }));
  const moved = describeMove(plan.archivedLog.length, plan.archivedEntries.length);
  return ok({
    date,
    logRows: plan.archivedLog.length,
    entries: plan.archivedEntries.length,
    years: years.map((year) => ({ year, logRows: logByYear.get(year)?.length ?? 0, entries: entriesByYear.get(year)?.length ?? 0 })),
    carried,
    summary:
      plan.archivedLog.length === 0
        ? `Nothing to archive before ${date}.`
        : `Archiving before ${date} moves ${moved} to ${years.map(archiveName).join(', ')}; ${carried.length} ${carried.length === 1 ? 'client carries its' : 'clients carry their'} balance forward (${carried.map((c) => `${c.client} ${formatHours(c.minutes)} h`).join(', ')}). Nothing was written.`,
  });
}

export function archiveBefore(services: Services, date: string): Result<ArchiveResult> {
  const checked = checkedCutoff(services, date);
  if (!checked.ok) return checked;
  const cutoff = checked.value;
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.changeRefusal();
    if (denied) return { ok: false, refusal: denied };
    const entries = session.entries();
    const { plan, logByYear, entriesByYear, years } = planByYear(session, entries.entries, cutoff, () => session.newId('L'));
    if (plan.archivedLog.length === 0) {
      session.syncSeal(); // a run stopped after rewriting the log left its sealed copy behind
      return ok({ archivedLogRows: 0, archivedEntries: 0, openingRows: 0, archives: [], summary: `Nothing to archive before ${date}.` });
    }
    verifyAppend([], plan.liveLog);
    const archives: ArchiveResult['archives'] = [];
    for (const year of years) {
      const found = openArchive(services.files, year, loadSettings(services).archives[year]);
      const archive = found.value;
      if (found.via !== 'id') storeSettings(services, { archives: { ...loadSettings(services).archives, [year]: archive.getId() } });
      archiveLogRows(archive, session.log, logByYear.get(year) ?? []);
      archiveEntryRows(archive, entries.table, entries.indexesOf(entriesByYear.get(year) ?? []));
      archives.push({ year, url: archive.getUrl() });
    }
    entries.delete(plan.archivedEntries);
    session.log.rewrite(plan.liveLog);
    session.syncSeal();
    const summary = `Archived ${describeMove(plan.archivedLog.length, plan.archivedEntries.length)} from before ${date} to ${archives.map((a) => archiveName(a.year)).join(', ')}; balances are unchanged.`;
    return ok({
      archivedLogRows: plan.archivedLog.length,
      archivedEntries: plan.archivedEntries.length,
      openingRows: plan.openingRows.length,
      archives,
      summary,
    });
  });
}
