/**
 * The hourly invoicing trigger. Editor add-ons may have one time-driven trigger per user
 * per document, running at most hourly, so there is exactly one, found with
 * `ScriptApp.getUserTriggers(spreadsheet)` (`getProjectTriggers` would also list the
 * user's triggers in every other workbook that uses the add-on). It runs as the user who
 * installed it; who that was is kept in the document properties, because other users
 * cannot see someone else's triggers.
 */
import { normalizeEmail, requireAuthorizer } from '../../core/permissions';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/gas-services';
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

function ownTriggers(services: Services): GoogleAppsScript.Script.Trigger[] {
  const scriptApp = services.scriptApp();
  return scriptApp
    .getUserTriggers(services.spreadsheet)
    .filter((t) => t.getHandlerFunction() === INVOICING_HANDLER && t.getEventType() === scriptApp.EventType.CLOCK);
}

/** Whether hourly invoicing is on, who turned it on, and what the last run did. */
export function getInvoicingStatus(services: Services): InvoicingStatus {
  const yours = ownTriggers(services).length > 0;
  const record = loadTriggerRecord(services.documentProperties());
  const last = loadLastRun(services.documentProperties());
  const on = yours ? 'Hourly invoicing is on (your trigger).' : record ? `Hourly invoicing is on (installed by ${record.by}).` : 'Hourly invoicing is off.';
  const ran = last ? ` Last run ${last.at} by ${last.by}: ${last.summary}` : ' Invoicing has not run yet.';
  return { yours, installedBy: record?.by ?? '', installedAt: record?.at ?? '', lastRun: last, summary: on + ran };
}

/** Installs the hourly trigger for the current user and this workbook; a second install changes nothing. */
export function installInvoicingTrigger(services: Services): InvoicingStatus {
  return withDocumentLock(services, () => {
    requireAuthorizer(services.userEmail(), loadSettings(services).authorizers);
    if (ownTriggers(services).length === 0) {
      services.scriptApp().newTrigger(INVOICING_HANDLER).timeBased().everyHours(1).create();
    }
    const user = normalizeEmail(services.userEmail());
    if (loadTriggerRecord(services.documentProperties())?.by !== user) {
      storeTriggerRecord(services.documentProperties(), { by: user, at: new Date(services.now()).toISOString() });
    }
    return getInvoicingStatus(services);
  });
}

/**
 * Removes the current user's hourly trigger. Apps Script lets nobody delete another
 * user's trigger, so when someone else installed it the status says who must turn it off.
 */
export function removeInvoicingTrigger(services: Services): InvoicingStatus {
  return withDocumentLock(services, () => {
    requireAuthorizer(services.userEmail(), loadSettings(services).authorizers);
    const scriptApp = services.scriptApp();
    for (const trigger of ownTriggers(services)) scriptApp.deleteTrigger(trigger);
    if (loadTriggerRecord(services.documentProperties())?.by === normalizeEmail(services.userEmail())) deleteTriggerRecord(services.documentProperties());
    return getInvoicingStatus(services);
  });
}
