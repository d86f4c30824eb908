/**
 * Planning an archive run: which log rows and authorized time entries move to the yearly archive,
 * and the live log that remains. Only a prefix of the log moves, and never part of an
 * entry's rows (a deduction before the cut-off reversed after it stays with its reversal),
 * so each entry is still deducted at most once. One `Opening balance` row per client
 * carries the archived sum forward; the remaining rows are re-sealed onto a new chain,
 * and their balances are unchanged.
 */
import { Ledger } from './ledger';
import type { LogRow, TimeEntry } from './types';

export interface ArchiveInput {
  log: readonly LogRow[];
  entries: readonly TimeEntry[];
  /** Rows and entries strictly before this instant move. */
  cutoff: number;
  user: string;
  newLogId: () => string;
  /** Names the archive an opening row points to, for the client's log. */
  archiveName: (row: LogRow) => string;
}

export interface ArchivePlan {
  archivedLog: LogRow[];
  archivedEntries: TimeEntry[];
  openingRows: LogRow[];
  /** The live log after the run: opening rows, then the rows that stay, re-sealed. */
  liveLog: LogRow[];
}

/** The length of the log prefix that may move: before the cut-off, with no entry split across it. */
function movablePrefix(log: readonly LogRow[], cutoff: number): number {
  let end = log.findIndex((row) => row.at >= cutoff);
  if (end < 0) end = log.length;
  const firstIndex = new Map<string, number>();
  log.forEach((row, i) => {
    if (row.entryId && !firstIndex.has(row.entryId)) firstIndex.set(row.entryId, i);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = end; i < log.length; i++) {
      const first = log[i].entryId ? firstIndex.get(log[i].entryId) : undefined;
      if (first !== undefined && first < end) {
        end = first;
        changed = true;
      }
    }
  }
  return end;
}

export function planArchive(input: ArchiveInput): ArchivePlan {
  const end = movablePrefix(input.log, input.cutoff);
  const archivedLog = input.log.slice(0, end);
  const archived = new Ledger(archivedLog);
  const lastOfClient = new Map<string, LogRow>();
  for (const row of archivedLog) lastOfClient.set(row.client, row);

  const live = new Ledger([]);
  const openingRows = [...lastOfClient.values()].map((last) =>
    live.append({
      logId: input.newLogId(),
      at: input.cutoff,
      client: last.client,
      kind: 'Opening balance',
      minutes: archived.balance(last.client),
      entryId: '',
      description: `Balance carried forward; earlier rows are in ${input.archiveName(last)}`,
      by: input.user,
      reference: input.archiveName(last),
      rawMinutes: null,
      person: '',
      workDate: null,
    }),
  );
  for (const { balanceAfterMinutes, checksum: _old, ...row } of input.log.slice(end)) {
    const resealed = live.append(row);
    if (resealed.balanceAfterMinutes !== balanceAfterMinutes) {
      throw new Error(`Archiving would change ${row.client}'s balance after log row ${row.logId}; run Check ledger and correct the log first.`);
    }
  }
  // Every entry whose deduction moves goes with it, whatever its date: left behind, it
  // would look open to the live log and could be deducted again.
  const archivedEntries = input.entries.filter((entry) => archived.isDeducted(entry.entryId));
  return { archivedLog, archivedEntries, openingRows, liveLog: [...live.appended] };
}
