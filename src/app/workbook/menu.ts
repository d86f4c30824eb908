/**
 * The add-on menu, and how menu items report back: a toast for a result, an alert for an
 * error, so nobody has to open the sidebar to learn what happened.
 */

export const MENU_ITEMS: { caption: string; fn: string }[] = [
  { caption: 'Open sidebar', fn: 'showSidebar' },
  { caption: 'Authorize ticked entries', fn: 'menuAuthorizeTicked' },
  { caption: 'Authorize selected rows', fn: 'menuAuthorizeSelection' },
  { caption: 'Export prepaid log…', fn: 'menuExportPrepaidLog' },
  { caption: 'Run invoicing now', fn: 'menuRunInvoicing' },
  { caption: 'Check ledger', fn: 'menuCheckLedger' },
  { caption: 'Set up sheets', fn: 'menuSetUpSheets' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui, items = MENU_ITEMS): void {
  const menu = ui.createAddonMenu();
  for (const item of items) menu.addItem(item.caption, item.fn);
  menu.addToUi();
}

/** Runs a menu action and shows its summary in a toast, or its error in an alert. */
export function reportToUser(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, ui: GoogleAppsScript.Base.Ui, action: () => { summary: string }): void {
  try {
    spreadsheet.toast(action().summary, 'Prepaid Time', 10);
  } catch (error) {
    ui.alert('Prepaid Time', (error as Error).message, ui.ButtonSet.OK);
  }
}
