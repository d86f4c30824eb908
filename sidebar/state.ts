/**
 * What the sidebar knows: the last answer of `getSidebarData` and the filter it was asked
 * with. Panels subscribe and redraw from it; after any change the sidebar asks again, so
 * what it shows is always what the workbook holds.
 */
import { call, type ServerResult } from './server';
import { loading } from './feedback';

export type SidebarData = ServerResult<'getSidebarData'>;
export type Filter = SidebarData['filter'];
export type Entry = SidebarData['entries'][number];
export type Client = SidebarData['clients'][number];
export type OpenInvoice = SidebarData['invoicing']['open'][number];
export type ClientLog = SidebarData['clientLogs'][number];

const listeners: ((data: SidebarData) => void)[] = [];
let current: SidebarData | null = null;
let asked = 0;

/** The last data, once the first load has answered. */
export function data(): SidebarData | null {
  return current;
}

/**
 * The line a non-authorizer sees where an action would be: what only authorizers may do
 * and who they are. Without an email or any authorizer, the server's own explanation.
 */
export function authorizersOnly(d: SidebarData, what: string): string {
  if (!d.user || d.settings.authorizers.length === 0) return d.permission;
  return `Only authorizers can ${what}: ${d.settings.authorizers.join(', ')}.`;
}

export function onData(listener: (data: SidebarData) => void): void {
  listeners.push(listener);
}

/**
 * Loads the data for `filter` (default: the current one) and redraws. When loads overlap,
 * only the answer to the latest request is drawn.
 */
export async function reload(filter: Partial<Filter> = current?.filter ?? {}): Promise<SidebarData> {
  const ticket = ++asked;
  const answer = await loading(() => call('getSidebarData', filter));
  if (ticket === asked) {
    current = answer;
    listeners.forEach((listener) => listener(answer));
  }
  return answer;
}
