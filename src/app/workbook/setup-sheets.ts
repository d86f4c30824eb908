/**
 * `setUpSheets`: builds or completes the workbook's sheets and makes the person who runs
 * it first an authorizer. Once there are authorizers, only they may run it again.
 */
import { authorizerRefusal, normalizeEmail } from '../../core/permissions';
import { ok, type Result, refuse } from '../../core/result';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings, storeSettings } from '../../services/settings.store';
import { setUpWorkbook, type SetupReport } from '../../sheets/setup';

export interface SetUpResult extends SetupReport {
  authorizers: string[];
  summary: string;
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
    const changes = [
      report.createdSheets.length ? `created ${report.createdSheets.join(', ')}` : '',
      report.addedColumns.length ? `added ${report.addedColumns.length} column(s)` : '',
    ].filter(Boolean);
    const summary = changes.length ? `Set up: ${changes.join('; ')}.` : 'The sheets were already set up; nothing changed.';
    return ok({ ...report, authorizers: settings.authorizers, summary });
  });
}
