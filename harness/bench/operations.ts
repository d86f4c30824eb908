/**
 * The operations the bench measures, each as one server call on a generated workbook
 * with a check that it did its work (a benchmark of a call that skipped everything would
 * prove nothing), and for authorize and export the per-row baseline of the same work.
 */
import type { ServerApi } from '../addon';
import { perRowAuthorize, perRowExport } from './per-row-baseline';
import { DUE_CLIENTS, OWNER, REVERSED, TICKED, type WorkbookData } from './workbook';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface Operation {
  /** The row label, the same at every size so sizes can be compared. */
  label: string;
  /** A column heading for the calls-by-method matrix. */
  short: string;
  /** Whether the workbook has what the operation needs (enough open entries). */
  fits(data: WorkbookData): boolean;
  /** Makes the server call; returns '' when the result shows the work was done, else what went wrong. */
  run(server: ServerApi, data: WorkbookData): string;
  /** The same work done per row; returns '' or what went wrong. */
  perRow?(app: SpreadsheetApp, data: WorkbookData): string;
}

function expectCount(what: string, got: number, wanted: number): string {
  return got === wanted ? '' : `${what}: ${got} instead of ${wanted}`;
}

function authorizeEntries(k: number): Operation {
  const ids = (data: WorkbookData) => data.openIds.slice(0, k);
  return {
    label: `authorizeEntries ×${k.toLocaleString('en-US')}`,
    short: `auth ×${k >= 1000 ? `${k / 1000}k` : k}`,
    fits: (data) => data.openIds.length >= k,
    run: (server, data) => {
      const result = server.authorizeEntries(ids(data));
      return expectCount('authorized', result.done.length, k) || expectCount('skipped', result.skipped.length, 0);
    },
    perRow: (app, data) => expectCount('authorized per row', perRowAuthorize(app, ids(data), OWNER, new Date(data.now)), k),
  };
}

/** The sizes of `authorizeEntries` the issue asks for. */
export const AUTHORIZE_COUNTS = [1, 100, 1_000, 10_000];

export const OPERATIONS: Operation[] = [
  {
    label: 'setUpSheets',
    short: 'setUp',
    fits: () => true,
    run: (server) => {
      const result = server.setUpSheets();
      return result.createdSheets.length + result.addedColumns.length === 0 ? '' : `set-up changed the filled workbook: ${result.summary}`;
    },
  },
  ...AUTHORIZE_COUNTS.map(authorizeEntries),
  {
    label: `authorizeTicked ×${TICKED}`,
    short: 'ticked',
    fits: (data) => data.tickedIds.length === TICKED,
    run: (server) => expectCount('authorized', server.authorizeTicked().done.length, TICKED),
  },
  {
    label: `reverseEntries ×${REVERSED}`,
    short: 'reverse',
    fits: (data) => data.reversibleIds.length === REVERSED,
    run: (server, data) => expectCount('reversed', server.reverseEntries(data.reversibleIds, 'Logged against the wrong client').done.length, REVERSED),
  },
  {
    label: 'runAutomaticInvoicing',
    short: 'invoicing',
    fits: () => true,
    run: (server) => {
      const run = server.runAutomaticInvoicing();
      return expectCount('invoices created', run.created.length, DUE_CLIENTS) || expectCount('problems', run.problems.length, 0);
    },
  },
  {
    label: 'exportPrepaidLog (big client)',
    short: 'export',
    fits: () => true,
    run: (server, data) => {
      const result = server.exportPrepaidLog(data.bigClient);
      return result.rows >= data.bigClientLogRows ? '' : `exported ${result.rows} rows of ${data.bigClientLogRows}`;
    },
    perRow: (app, data) => expectCount('rows copied per row', perRowExport(app, data.bigClient), data.bigClientLogRows),
  },
  {
    label: 'getSidebarData',
    short: 'sidebar',
    fits: () => true,
    run: (server, data) => expectCount('open entries listed', server.getSidebarData().entries.length, data.openIds.length),
  },
];
