/**
 * Every mutating call runs under the document lock, waiting up to 30 s, and re-reads the
 * sheets inside it. Pending writes are flushed before the lock is released so the next
 * holder reads them.
 */
import { CodedError } from '../core/result';
import type { Services } from './ports';

export const LOCK_WAIT_MS = 30_000;

/** The lock could not be had in time (code `busy`); nothing was changed. */
export class BusyError extends CodedError {
  constructor() {
    super('busy', 'Someone else (or the hourly invoicing run) is updating the prepaid ledger right now. Nothing was changed: wait a moment and try again.');
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(services: Services, work: () => T): T {
  const lock = services.documentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError();
  try {
    const result = work();
    services.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
