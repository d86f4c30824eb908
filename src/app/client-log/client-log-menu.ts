/**
 * "Export prepaid log…" from the add-on menu: asks for the client, exports their log and
 * shows the link in an alert (a toast would vanish before anyone could copy it).
 */
import type { Services } from '../../services/ports';
import { exportPrepaidLog } from './client-log';

/** Prompts for a client name and exports its prepaid log; every outcome ends in an alert. */
export function exportPrepaidLogFromMenu(services: Services, ui: GoogleAppsScript.Base.Ui): void {
  const answer = ui.prompt('Export prepaid log', 'Which client? Type the name exactly as in Credits.', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const client = answer.getResponseText().trim();
  if (!client) {
    ui.alert('Prepaid Time', 'No client name was given, so nothing was exported.', ui.ButtonSet.OK);
    return;
  }
  try {
    const result = exportPrepaidLog(services, client);
    if (!result.ok) ui.alert('Prepaid Time', result.refusal.message, ui.ButtonSet.OK);
    else ui.alert('Prepaid log', `${result.value.summary}\n\nShare it with the client from the sidebar, or with File > Share as a viewer.`, ui.ButtonSet.OK);
  } catch (error) {
    ui.alert('Prepaid Time', (error as Error).message, ui.ButtonSet.OK);
  }
}
