/**
 * One ledger operation: read the sheets it needs once, plan in memory, then write in a
 * crash-safe order. The log is written first (it is the truth); statuses and balances are
 * derived from it afterwards, so a run stopped between writes is repaired by the next
 * one and nothing is deducted twice. Invariants are checked before the first write.
 */
import { idSequence } from '../../core/ids';
import { Ledger, verifyAppend } from '../../core/ledger';
import { authorizerRefusal, type PermissionRefusal } from '../../core/permissions';
import { CodedError, type Refusal, type Result } from '../../core/result';
import { diagnoseBreak, findBreak, type LedgerBreak, type LedgerDiagnosis, type SealMark } from '../../core/seal';
import type { Settings } from '../../core/settings';
import type { Client, LogDraft, LogRow } from '../../core/types';
import { CreditsRepository } from '../../sheets/credits.repository';
import { PrepaidLogRepository } from '../../sheets/prepaid-log.repository';
import { lastSealed, readSealedCopy, syncSealedCopy } from '../../sheets/prepaid-seal.repository';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import type { Services } from '../../services/ports';
import { loadSettings } from '../../services/settings.store';

/** A ledger action refused because the chain does not vouch for a row of the log (code `ledger-broken`). */
export class LedgerBrokenError extends CodedError {
  constructor(readonly ledgerBreak: LedgerBreak) {
    super('ledger-broken', ledgerBreak.message);
    this.name = 'LedgerBrokenError';
  }
}

/** A diagnosed break and where it is in the log as read. */
export interface FoundBreak extends LedgerDiagnosis {
  index: number;
}

export class LedgerSession {
  readonly settings: Settings;
  readonly user: string;
  readonly now: number;
  readonly credits: CreditsRepository;
  readonly log: PrepaidLogRepository;
  /** The ledger over the log as read; replaced only by {@link LedgerSession.replaceLog}. */
  ledger: Ledger;
  /** The last row the add-on sealed, from the sealed copy. */
  private sealMark: SealMark | null;
  private found: FoundBreak | null | undefined;
  private entriesRepo: TimeEntriesRepository | null = null;

  constructor(readonly services: Services) {
    this.settings = loadSettings(services);
    this.user = services.userEmail();
    this.now = services.now();
    this.credits = CreditsRepository.read(services.spreadsheet);
    this.log = PrepaidLogRepository.read(services.spreadsheet);
    this.ledger = new Ledger(this.log.rows);
    this.sealMark = lastSealed(services.spreadsheet);
  }

  /**
   * The first row of the log the checksum chain does not vouch for, with what happened to
   * it, or null. Checked once per session; the sealed copy is read only when it is broken.
   */
  ledgerBreak(): FoundBreak | null {
    if (this.found === undefined) {
      const index = findBreak(this.log.rows, this.sealMark);
      this.found =
        index === null ? null : { index, ...diagnoseBreak(this.log.rows, index, readSealedCopy(this.services.spreadsheet), (i) => this.log.sheetRow(i)) };
    }
    return this.found;
  }

  /** Throws a {@link LedgerBrokenError} unless the chain vouches for the whole log. */
  requireIntactLedger(): void {
    const found = this.ledgerBreak();
    if (found) throw new LedgerBrokenError(found.break);
  }

  /** Brings the sealed copy up to the log, after the log was appended to or rewritten. */
  syncSeal(): void {
    this.sealMark = syncSealedCopy(this.services.spreadsheet, this.log.rows, this.sealMark);
  }

  /** Whether the current user is an authorizer. */
  isAuthorizer(): boolean {
    return this.refusal() === null;
  }

  /** Why the current user may not change the ledger, or null when they are an authorizer. */
  refusal(): PermissionRefusal | null {
    return authorizerRefusal(this.user, this.settings.authorizers);
  }

  /**
   * The client by exact name, for an authorizer (and, with `intactLedger`, on a log the
   * chain vouches for); or why not (`not-authorizer`, `ledger-broken`, `unknown-client`, …).
   */
  clientForAuthorizer(name: string, opts: { intactLedger?: boolean } = {}): Result<Client> {
    const denied = opts.intactLedger ? this.changeRefusal() : this.refusal();
    return denied ? { ok: false, refusal: denied } : this.credits.find(name);
  }

  /** Why the ledger may not be changed now: the user is not an authorizer, or the chain does not vouch for the log (`ledger-broken`); null when it may. */
  changeRefusal(): Refusal | null {
    const found = this.refusal() ? null : this.ledgerBreak();
    return this.refusal() ?? (found ? { code: 'ledger-broken', message: found.break.message } : null);
  }

  /** `Time entries`, read once per session, with missing Entry IDs assigned. */
  entries(): TimeEntriesRepository {
    this.entriesRepo ??= TimeEntriesRepository.read(this.services.spreadsheet, () => this.newId('E'));
    return this.entriesRepo;
  }

  /** A new Entry ID (`E`) or Log ID (`L`), unique across operations. */
  readonly newId = idSequence(() => this.services.uuid());

  /** Appends a drafted row (time, user and a new Log ID unless given) to the in-memory ledger. */
  append(draft: Omit<LogDraft, 'logId' | 'at' | 'by'>, logId = this.newId('L')): LogRow {
    return this.ledger.append({ ...draft, logId, at: this.now, by: this.user });
  }

  /**
   * Verifies and writes what the ledger gained: log rows first, then their sealed copy,
   * entry statuses (with cleared Select boxes and each row's Reason), then balances.
   * Returns the clients whose balance moved. Never writes on a log whose chain is broken.
   */
  commit(untick?: ReadonlySet<string>, reasons?: ReadonlyMap<number, string>): string[] {
    this.requireIntactLedger();
    const appended = this.ledger.appended;
    verifyAppend(this.log.rows, appended);
    this.log.append(appended);
    this.syncSeal();
    if (this.entriesRepo) this.entriesRepo.syncWithLedger(this.ledger, untick, reasons);
    this.credits.writeBalances(this.ledger);
    const touched = [...new Set(appended.map((r) => r.client))];
    appended.length = 0;
    return touched;
  }

  /**
   * Replaces the whole log in one block with `rows` (a hand edit restored or accepted),
   * after checking every invariant over them, then its sealed copy, entry statuses and
   * balances, which are derived from it as after any change.
   */
  replaceLog(rows: LogRow[]): void {
    verifyAppend([], rows);
    this.log.rewrite(rows);
    this.found = undefined;
    this.ledger = new Ledger(this.log.rows);
    this.syncSeal();
    this.entries().syncWithLedger(this.ledger);
    this.credits.writeBalances(this.ledger);
  }
}
