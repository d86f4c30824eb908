/**
 * The last invoicing run, kept in the document properties (well under their 9 KB per
 * value) so the sidebar can say when invoicing last ran and what it did.
 */
import { readJson, writeJson } from './json-property';
import type { Properties } from './ports';

const LAST_RUN_KEY = 'prepaidTime.invoicing.lastRun';

/** What the sidebar shows of the last run: when, by whom, and what it did. */
export interface LastRun {
  at: string;
  by: string;
  created: string[];
  finished: string[];
  problems: number;
  summary: string;
}

/** Saves the last run. */
export function storeLastRun(properties: Properties, last: LastRun): void {
  writeJson(properties, LAST_RUN_KEY, last);
}

/** The last recorded run, or null when invoicing never ran in this workbook. */
export function loadLastRun(properties: Properties): LastRun | null {
  return readJson<LastRun>(properties, LAST_RUN_KEY);
}
