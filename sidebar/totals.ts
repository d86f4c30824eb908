/**
 * Per-client totals for the entries a person has chosen in the list. The server's
 * preview (`getSidebarData().totals`) covers every listed entry; when only some are
 * chosen, these sums use the same per-entry minutes the server's plan rounded, so the
 * two never disagree on rounding.
 */
import type { Client, Entry, SidebarData } from './state';

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
