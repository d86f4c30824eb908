/**
 * `checkLedger`: audits the workbook and reports every figure that disagrees with the
 * log. It changes nothing, so anyone who can open the workbook may run it.
 */
import { auditLedger, type LedgerReport } from '../../core/check-ledger';
import { CreditsRepository } from '../../sheets/credits.repository';
import { durationEpochMs } from '../../sheets/duration-epoch';
import { PrepaidLogRepository } from '../../sheets/prepaid-log.repository';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import type { Services } from '../../services/ports';

export interface CheckLedgerResult extends LedgerReport {
  summary: string;
}

export function checkLedger(services: Services): CheckLedgerResult {
  const credits = CreditsRepository.read(services.spreadsheet);
  const log = PrepaidLogRepository.read(services.spreadsheet);
  // Entry IDs are not assigned here: checking must not write.
  const entries = TimeEntriesRepository.read(services.spreadsheet);
  const report = auditLedger({
    log: log.rows,
    recordedBalances: credits.recordedBalances,
    entries: entries.entries,
    durationEpochMs: durationEpochMs(services),
  });
  const summary = report.ok
    ? `The ledger is consistent: ${report.rowsChecked} log rows, every balance equals its log.`
    : `The ledger has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}. First: ${report.problems[0].message}`;
  return { ...report, summary };
}
