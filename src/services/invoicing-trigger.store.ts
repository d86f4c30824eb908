/**
 * Who installed the workbook's hourly invoicing trigger, and when. Kept in the document
 * properties because other users cannot see someone else's triggers.
 */
import { readJson, writeJson } from './json-property';
import type { Properties } from './ports';

const INSTALLED_KEY = 'prepaidTime.invoicing.trigger';

/** The installer's email and the install time (ISO). */
export interface TriggerRecord {
  by: string;
  at: string;
}

/** The record, or null when nobody installed the trigger (or it cannot be read). */
export function loadTriggerRecord(properties: Properties): TriggerRecord | null {
  return readJson<TriggerRecord>(properties, INSTALLED_KEY);
}

export function storeTriggerRecord(properties: Properties, record: TriggerRecord): void {
  writeJson(properties, INSTALLED_KEY, record);
}

export function deleteTriggerRecord(properties: Properties): void {
  properties.deleteProperty(INSTALLED_KEY);
}
