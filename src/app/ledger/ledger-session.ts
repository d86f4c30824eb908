/**
 * One ledger operation: read the sheets it needs once, plan in memory, then write in a
 * crash-safe order. The log is written first (it is the truth); statuses and balances are
 * derived from it afterwards, so a run stopped between writes is repaired by the next
 * one and nothing is deducted twice. Invariants are checked before the first write.
 */
import { idSequence } from '../../core/ids';
import { Ledger, verifyAppend } from '../../core/ledger';
import { authorizerRefusal, type PermissionRefusal } from '../../core/permissions';
import type { Settings } from '../../core/settings';
import type { LogDraft, LogRow } from '../../core/types';
import { CreditsRepository } from '../../sheets/credits.repository';
import { PrepaidLogRepository } from '../../sheets/prepaid-log.repository';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import type { Services } from '../../services/ports';
import { loadSettings } from '../../services/settings.store';

export class LedgerSession {
  readonly settings: Settings;
  readonly user: string;
  readonly now: number;
  readonly credits: CreditsRepository;
  readonly log: PrepaidLogRepository;
  readonly ledger: Ledger;
  private entriesRepo: TimeEntriesRepository | null = null;

  constructor(readonly services: Services) {
    this.settings = loadSettings(services);
    this.user = services.userEmail();
    this.now = services.now();
    this.credits = CreditsRepository.read(services.spreadsheet);
    this.log = PrepaidLogRepository.read(services.spreadsheet);
    this.ledger = new Ledger(this.log.rows);
  }

  /** Why the current user may not change the ledger, or null when they are an authorizer. */
  refusal(): PermissionRefusal | null {
    return authorizerRefusal(this.user, this.settings.authorizers);
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
   * Verifies and writes what the ledger gained: log rows first, then entry statuses
   * (with cleared Select boxes and each row's Reason), then balances. Returns the
   * clients whose balance moved.
   */
  commit(untick?: ReadonlySet<string>, reasons?: ReadonlyMap<number, string>): string[] {
    const appended = this.ledger.appended;
    verifyAppend(this.log.rows, appended);
    this.log.append(appended);
    if (this.entriesRepo) this.entriesRepo.syncWithLedger(this.ledger, untick, reasons);
    this.credits.writeBalances(this.ledger);
    const touched = [...new Set(appended.map((r) => r.client))];
    appended.length = 0;
    return touched;
  }
}
