/**
 * The hand edit of the log the hourly trigger's owner was last emailed about, as a key, in
 * the document properties: the next hours stay quiet until the problem changes or is
 * resolved.
 */
import type { Properties } from './ports';

const ALERT_KEY = 'prepaidTime.ledgerAlert';

/** The key of the problem last reported, or null. */
export function loadLedgerAlert(properties: Properties): string | null {
  return properties.getProperty(ALERT_KEY);
}

export function storeLedgerAlert(properties: Properties, key: string): void {
  properties.setProperty(ALERT_KEY, key);
}

/** Forgets the reported problem; writes nothing when none is recorded. */
export function forgetLedgerAlert(properties: Properties): void {
  if (properties.getProperty(ALERT_KEY) !== null) properties.deleteProperty(ALERT_KEY);
}
