/**
 * A person's running timer, in their user properties: it survives closing the sidebar and
 * is nobody else's to see.
 */
import { readJson, writeJson } from './json-property';
import type { Properties } from './ports';

const TIMER_KEY = 'prepaidTime.timer';

export interface StoredTimer {
  client: string;
  description: string;
  startedAt: number;
  /** Set as a stop begins, before the entry is written, so a retry of a stopped run logs that entry once, with the same end. */
  stop?: { entryId: string; at: number };
}

/** The running timer, or null (none, or unreadable). */
export function loadTimer(properties: Properties): StoredTimer | null {
  const timer = readJson<StoredTimer>(properties, TIMER_KEY);
  return timer && typeof timer.startedAt === 'number' && typeof timer.client === 'string' ? timer : null;
}

export function storeTimer(properties: Properties, timer: StoredTimer): void {
  writeJson(properties, TIMER_KEY, timer);
}

export function deleteTimer(properties: Properties): void {
  properties.deleteProperty(TIMER_KEY);
}
