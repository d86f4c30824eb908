/**
 * The ledger feature: everything that writes the prepaid log. Authorizing and reversing
 * time entries, top-ups and adjustments, archiving old years, and the read-only ledger
 * check. `LedgerSession` (one read of the sheets, an in-memory ledger, a crash-safe
 * commit) and `afterLedgerChange` (what follows every change) are what other features use
 * to write to the log themselves.
 */
export { afterLedgerChange } from './after-ledger-change';
export { type ArchivePreview, type ArchiveResult, archiveBefore, previewArchive } from './archive';
export { type AuthorizeOptions, authorizeEntries, authorizeSelection, authorizeTicked } from './authorize-entries';
export { type CheckLedgerResult, checkLedger } from './check-ledger';
export { addCredits, adjustCredits, type CreditRefused, type CreditResult } from './credits';
export { acceptLedgerEdit, type LedgerEditResult, restoreLedgerRow } from './ledger-edits';
export { type FoundBreak, LedgerBrokenError, LedgerSession } from './ledger-session';
export type { DoneEntry, LedgerResult, SkippedItem } from './results';
export { reverseEntries } from './reverse-entries';
