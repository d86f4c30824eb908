/**
 * What the sidebar shows of each client's prepaid log file: its address and who it is
 * shared with, from the records in the document properties (one read for every client).
 * The address is the one `Spreadsheet.getUrl()` gives, built from the file's ID, so the
 * sidebar's load opens no file. Only authorizers may export or share, so only they get it.
 */
import type { Settings } from '../../core/settings';
import { loadAllClientLogs } from '../../services/client-log.store';
import type { Services } from '../../services/ports';

export interface ClientLogLink {
  client: string;
  /** The client's spreadsheet; '' until it is first exported. */
  url: string;
  /** Emails it is shared with, view only. */
  sharedWith: string[];
  /** True when Settings let anyone with the link open it. */
  linkSharing: boolean;
}

export function clientLogLinks(services: Services, settings: Settings): ClientLogLink[] {
  return [...loadAllClientLogs(services)].map(([client, record]) => ({
    client,
    url: record.fileId ? `https://docs.google.com/spreadsheets/d/${encodeURIComponent(record.fileId)}/edit` : '',
    sharedWith: record.shares,
    linkSharing: settings.linkSharingClients.includes(client),
  }));
}
