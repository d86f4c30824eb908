/**
 * The hourly invoicing trigger. Editor add-ons may have one time-driven trigger per user
 * per document, running at most hourly, so there is exactly one, found with
 * `ScriptApp.getUserTriggers(spreadsheet)` (`getProjectTriggers` would also list the
 * user's triggers in every other workbook that uses the add-on). It runs as the user who
 * installed it; who that was is kept in the document properties, because other users
 * cannot see someone else's triggers.
 */
import { authorizerRefusal, normalizeEmail } from '../../core/permissions';
import { ok, type Result } from '../../core/result';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings } from '../../services/settings.store';
import { type LastRun, loadLastRun } from '../../services/invoicing-run.store';
import { deleteTriggerRecord, loadTriggerRecord, storeTriggerRecord } from '../../services/invoicing-trigger.store';

/** The global function the trigger calls (an export of src/index.ts). */
export const INVOICING_HANDLER = 'runAutomaticInvoicing';

export interface InvoicingStatus {
  /** Whether the current user has the hourly trigger in this workbook. */
  yours: boolean;
  /** Who installed the workbook's trigger, and when (ISO); '' when nobody has. */
  installedBy: string;
  installedAt: string;
  lastRun: LastRun | null;
  summary: string;
}

/** Whether hourly invoicing is on, who turned it on, and what the last run did. */
export function getInvoicingStatus(services: Services): InvoicingStatus {
  const yours = services.triggers.count(INVOICING_HANDLER) > 0;
  const record = loadTriggerRecord(services.documentProperties());
  const last = loadLastRun(services.documentProperties());
  const on = yours ? 'Hourly invoicing is on (your trigger).' : record ? `Hourly invoicing is on (installed by ${record.by}).` : 'Hourly invoicing is off.';
  const ran = last ? ` Last run ${last.at} by ${last.by}: ${last.summary}` : ' Invoicing has not run yet.';
  return { yours, installedBy: record?.by ?? '', installedAt: record?.at ?? '', lastRun: last, summary: on + ran };
}

/** Installs the hourly trigger for the current user and this workbook; a second install changes nothing. */
export function installInvoicingTrigger(services: Services): Result<InvoicingStatus> {
  return withDocumentLock(services, () => {
    const denied = authorizerRefusal(services.userEmail(), loadSettings(services).authorizers);
    if (denied) return { ok: false, refusal: denied };
    if (services.triggers.count(INVOICING_HANDLER) === 0) services.triggers.installHourly(INVOICING_HANDLER);
    const user = normalizeEmail(services.userEmail());
    if (loadTriggerRecord(services.documentProperties())?.by !== user) {
      storeTriggerRecord(services.documentProperties(), { by: user, at: new Date(services.now()).toISOString() });
    }
    return ok(getInvoicingStatus(services));
  });
}

/**
 * Removes the current user's hourly trigger. Apps Script lets nobody delete another
 * user's trigger, so when someone else installed it the status says who must turn it off.
 */
export function removeInvoicingTrigger(services: Services): Result<InvoicingStatus> {
  return withDocumentLock(services, () => {
    const denied = authorizerRefusal(services.userEmail(), loadSettings(services).authorizers);
    if (denied) return { ok: false, refusal: denied };
    services.triggers.removeAll(INVOICING_HANDLER);
    if (loadTriggerRecord(services.documentProperties())?.by === normalizeEmail(services.userEmail())) deleteTriggerRecord(services.documentProperties());
    return ok(getInvoicingStatus(services));
  });
}
