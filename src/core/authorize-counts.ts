/**
 * How many entries an authorization deducts and skips, with one definition for the
 * sidebar's preview and the result: one per sheet row (both rows of a duplicated Entry ID
 * are skipped, and counted), plus one per requested ID that names no row. Entries the log
 * already shows deducted are counted apart: there was nothing left to do for them.
 * Pure and dependency-free, so the sidebar bundle uses this very function.
 */
import type { SkipCode } from './types';

export interface AuthorizeCounts {
  /** Rows deducted (or, in a preview, that would be). */
  authorized: number;
  /** Rows and requests left as they were, each with a reason (already-authorized ones aside). */
  skipped: number;
  /** Of the skipped: flagged entries an authorizer may still confirm ("Authorize anyway"). */
  toConfirm: number;
  /** Requested entries that were already authorized. */
  alreadyAuthorized: number;
}

/** What counting needs to know of an outcome or a preview. */
export interface CountableOutcome {
  authorized: readonly unknown[];
  skipped: readonly { code: SkipCode; flags?: readonly unknown[] }[];
}

/** Counts an authorization's outcome (or a preview of one). */
export function countAuthorization(outcome: CountableOutcome): AuthorizeCounts {
  const already = outcome.skipped.filter((s) => s.code === 'already-authorized').length;
  return {
    authorized: outcome.authorized.length,
    skipped: outcome.skipped.length - already,
    toConfirm: outcome.skipped.filter((s) => s.flags?.length).length,
    alreadyAuthorized: already,
  };
}
