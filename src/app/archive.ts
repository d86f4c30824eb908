/**
 * `archiveBefore(date)`: keeps one spreadsheet inside its limits as years pass. Authorized
 * entries and log rows older than the date move to the yearly archive; one `Opening
 * balance` row per client carries the balance forward. The order makes a stopped run safe
 * to repeat: copy to the archive (skipping what is there), then delete the live entries,
 * then replace the live log in one write. Balances do not change.
 */
import { planArchive } from '../core/archive';
import { verifyAppend } from '../core/ledger';
import type { LogRow } from '../core/types';
import { withDocumentLock } from '../services/document-lock';
import type { Services } from '../services/services';
import { archiveEntryRows, archiveLogRows, archiveName, openArchive } from '../sheets/archive.repository';
import { isDay, startOfDay } from '../services/calendar-day';
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

export function archiveBefore(services: Services, date: string): ArchiveResult {
  if (!isDay(date)) throw new Error(`"${date}" is not a date. Give the first day to keep as yyyy-mm-dd, e.g. 2026-01-01.`);
  const cutoff = startOfDay(services, date);
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    session.requireAuthorizer();
    session.requireIntactLedger();
    const entries = session.entries();
    const yearOf = (at: number) => services.formatDate(at, 'yyyy');
    const plan = planArchive({
      log: session.log.rows,
      entries: entries.entries,
      cutoff,
      user: session.user,
      newLogId: () => session.newId('L'),
      archiveName: (row: LogRow) => archiveName(yearOf(row.at)),
    });
    if (plan.archivedLog.length === 0) {
      session.syncSeal(); // a run stopped after rewriting the log left its sealed copy behind
      return { archivedLogRows: 0, archivedEntries: 0, openingRows: 0, archives: [], summary: `Nothing to archive before ${date}.` };
    }
    verifyAppend([], plan.liveLog);
    const deductionYear = new Map(plan.archivedLog.filter((r) => r.kind === 'Deduction').map((r) => [r.entryId, yearOf(r.at)]));
    const logByYear = byYear(plan.archivedLog, (r) => yearOf(r.at));
    const entriesByYear = byYear(plan.archivedEntries, (e) => deductionYear.get(e.entryId) ?? yearOf(cutoff - 1));
    const archives: ArchiveResult['archives'] = [];
    for (const year of [...new Set([...logByYear.keys(), ...entriesByYear.keys()])].sort()) {
      const archive = openArchive(services, year);
      archiveLogRows(archive, session.log, logByYear.get(year) ?? []);
      archiveEntryRows(archive, entries.table, entries.indexesOf(entriesByYear.get(year) ?? []));
      archives.push({ year, url: archive.getUrl() });
    }
    entries.delete(plan.archivedEntries);
    session.log.rewrite(plan.liveLog);
    session.syncSeal();
    const summary = `Archived ${plan.archivedLog.length} log rows and ${plan.archivedEntries.length} authorized entries from before ${date} to ${archives.map((a) => archiveName(a.year)).join(', ')}; balances are unchanged.`;
    return { archivedLogRows: plan.archivedLog.length, archivedEntries: plan.archivedEntries.length, openingRows: plan.openingRows.length, archives, summary };
  });
}
