/**
 * Where each client's log file is recorded: one document property per client, keyed by
 * the exact client name, holding the file's ID, who it is shared with and the period it
 * shows. The add-on always looks a file up here before creating one, so a client has one
 * file however often it is exported, and a run stopped half-way finds what it started.
 */
import type { Services } from './ports';

const PREFIX = 'prepaidTime.clientLog:';

export interface ClientLogRecord {
  /** The client's spreadsheet; '' until one exists. */
  fileId: string;
  /** Set just before a file is created: the file's temporary name ends with it, so a stopped run can find it. */
  pending: string;
  /** Emails the file is shared with, lower-case, in the order they were shared. */
  shares: string[];
  /** The period shown, as yyyy-MM-dd days ('' for an open end); refreshes keep it. */
  from: string;
  to: string;
  /**
   * The Log ID of the client's last log row when the file was last written. A file whose
   * mark differs from the log is behind (a run stopped between the log and the file), and
   * the next ledger change refreshes it.
   */
  through: string;
}

export const EMPTY_RECORD: ClientLogRecord = { fileId: '', pending: '', shares: [], from: '', to: '', through: '' };

function parse(json: string | null): ClientLogRecord {
  if (!json) return { ...EMPTY_RECORD };
  try {
    const stored = JSON.parse(json) as Partial<ClientLogRecord>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return {
      fileId: text(stored.fileId),
      pending: text(stored.pending),
      shares: Array.isArray(stored.shares) ? stored.shares.filter((s): s is string => typeof s === 'string') : [],
      from: text(stored.from),
      to: text(stored.to),
      through: text(stored.through),
    };
  } catch {
    return { ...EMPTY_RECORD };
  }
}

/** The record of one client (an empty record when the client has no file yet). */
export function loadClientLog(services: Services, client: string): ClientLogRecord {
  return parse(services.documentProperties().getProperty(PREFIX + client));
}

/** Every client that has a record, with one read of the document properties. */
export function loadAllClientLogs(services: Services): Map<string, ClientLogRecord> {
  const all = services.documentProperties().getProperties();
  const records = new Map<string, ClientLogRecord>();
  for (const [key, value] of Object.entries(all)) if (key.startsWith(PREFIX)) records.set(key.slice(PREFIX.length), parse(value));
  return records;
}

/** Saves a client's record; writes nothing when it is unchanged. */
export function storeClientLog(services: Services, client: string, record: ClientLogRecord): void {
  const json = JSON.stringify(record);
  const properties = services.documentProperties();
  if (properties.getProperty(PREFIX + client) !== json) properties.setProperty(PREFIX + client, json);
}
