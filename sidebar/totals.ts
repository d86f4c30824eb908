/**
 * What authorizing the chosen entries would do, worked out in the sidebar as a person
 * ticks entries and confirms flagged ones. The server's preview (`getSidebarData().totals`
 * and `.counts`) covers every listed entry with nothing confirmed; otherwise these use the
 * same per-entry minutes the server's plan rounded, and count with the core's own
 * function, so the button, the note and the result never disagree.
 */
import { countAuthorization, type AuthorizeCounts } from '../src/core/authorize-counts';
import type { SkipCode } from '../src/core/types';
import type { Client, Entry, SidebarData } from './state';

/** Whether an entry goes through when authorized now: nothing stops it, and its flags (if any) are confirmed. */
export function goesThrough(entry: Entry, confirmed: ReadonlySet<string>): boolean {
  return !entry.problem && entry.deductMinutes !== null && (entry.flags.length === 0 || confirmed.has(entry.entryId));
}

/** How many of these entries authorizing would deduct and skip, counted as the result counts them. */
export function previewCounts(entries: readonly Entry[], confirmed: ReadonlySet<string>): AuthorizeCounts {
  const through = entries.filter((e) => goesThrough(e, confirmed));
  const skipped = entries
    .filter((e) => !goesThrough(e, confirmed))
    .map((e) => (e.flags.length ? { code: e.flags[0].code, flags: e.flags } : { code: e.skipCode as SkipCode }));
  return countAuthorization({ authorized: through, skipped });
}

export type Total = SidebarData['totals'][number];

export function chosenTotals(entries: readonly Entry[], chosen: ReadonlySet<string>, clients: readonly Client[]): Total[] {
  const byName = new Map(clients.map((c) => [c.name, c]));
  const totals = new Map<string, Total>();
  for (const entry of entries) {
    const client = byName.get(entry.client);
    if (!chosen.has(entry.entryId) || entry.deductMinutes === null || !client) continue;
    const total = totals.get(client.name) ?? {
      client: client.name,
      entries: 0,
      rawMinutes: 0,
      deductMinutes: 0,
      beforeMinutes: client.balanceMinutes,
      afterMinutes: client.balanceMinutes,
      minimumMinutes: client.minimumMinutes,
      belowMinimum: false,
      negative: false,
    };
    total.entries += 1;
    total.rawMinutes += entry.minutes ?? 0;
    total.deductMinutes += entry.deductMinutes;
    total.afterMinutes = total.beforeMinutes - total.deductMinutes;
    total.belowMinimum = total.afterMinutes < total.minimumMinutes;
    total.negative = total.afterMinutes < 0;
    totals.set(client.name, total);
  }
  return [...totals.values()];
}
