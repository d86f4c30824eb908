/**
 * Whether the ledger sheets are protected for the authorizers alone, as the last set-up
 * or change of authorizers found it, kept in the document properties so the sidebar can
 * keep a warning up until someone who can fixes it.
 */
import type { ProtectionReport } from '../sheets/protections';
import type { Services } from './ports';

const KEY = 'prepaidTime.protection';

export interface ProtectionState {
  ok: boolean;
  problems: string[];
}

/** Records the outcome of protecting the sheets (writing only when it differs). */
export function storeProtection(services: Services, report: ProtectionReport): void {
  const json = JSON.stringify({ ok: report.ok, problems: report.problems } satisfies ProtectionState);
  const properties = services.documentProperties();
  if (properties.getProperty(KEY) !== json) properties.setProperty(KEY, json);
}

/** The recorded state; null when the sheets were never protected by this version (Set up sheets does it). */
export function loadProtection(services: Services): ProtectionState | null {
  const json = services.documentProperties().getProperty(KEY);
  if (!json) return null;
  try {
    return JSON.parse(json) as ProtectionState;
  } catch {
    return null;
  }
}
