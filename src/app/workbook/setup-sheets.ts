/**
 * `setUpSheets`: builds or completes the workbook's sheets, makes the person who runs it
 * first an authorizer, and protects the ledger sheets for the authorizers alone. Once
 * there are authorizers, only they may run it again.
 */
import { authorizerRefusal, normalizeEmail } from '../../core/permissions';
import { ok, type Result, refuse } from '../../core/result';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { storeProtection } from '../../services/protection.store';
import { loadSettings, storeSettings } from '../../services/settings.store';
import { protectLedgerSheets, type ProtectionReport } from '../../sheets/protections';
import { setUpWorkbook, type SetupReport } from '../../sheets/setup';

export interface SetUpResult extends SetupReport {
  authorizers: string[];
  protection: ProtectionReport;
  summary: string;
}

/** Protects the ledger sheets for `authorizers`, records the outcome, and says it in a sentence ('' when nothing changed and all is well). */
export function applyProtections(services: Services, authorizers: readonly string[]): { report: ProtectionReport; sentence: string } {
  const report = protectLedgerSheets(services.spreadsheet, services.sheetsApp, authorizers, services.userEmail());
  storeProtection(services, report);
  if (!report.ok) return { report, sentence: ` ${report.problems.join(' ')}` };
  const sentence = report.changed
    ? ` ${report.sheets.join(', ')} are protected: only ${authorizers.join(', ')} (and the spreadsheet's owner) can edit them.`
    : '';
  return { report, sentence };
}

export function setUpSheets(services: Services): Result<SetUpResult> {
  return withDocumentLock(services, () => {
    const user = normalizeEmail(services.userEmail());
    let settings = loadSettings(services);
    const denied = settings.authorizers.length ? authorizerRefusal(user, settings.authorizers) : null;
    if (denied) return { ok: false, refusal: denied };
    if (!user)
      return refuse(
        'no-email',
        'Google did not tell the add-on who you are, so it cannot make you the first authorizer. Open the sheet while signed in to your Google account and run Set up sheets again.',
      );
    const report = setUpWorkbook(services.spreadsheet, services.sheetsApp);
    if (!settings.authorizers.length) settings = storeSettings(services, { authorizers: [user] });
    const protection = applyProtections(services, settings.authorizers);
    const changes = [
      report.createdSheets.length ? `created ${report.createdSheets.join(', ')}` : '',
      report.addedColumns.length ? `added ${report.addedColumns.length} column(s)` : '',
    ].filter(Boolean);
    const done = changes.length
      ? `Set up: ${changes.join('; ')}.`
      : protection.sentence
        ? 'The sheets were already set up.'
        : 'The sheets were already set up; nothing changed.';
    return ok({ ...report, authorizers: settings.authorizers, protection: protection.report, summary: done + protection.sentence });
  });
}
