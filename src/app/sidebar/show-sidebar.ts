/**
 * `showSidebar()`: opens the Prepaid Time sidebar, the single inlined page the build
 * writes to dist/Sidebar.html. The Ui and HtmlService are handed in so the emulator and
 * tests can supply their own.
 */

export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'Prepaid Time';

/** Shows the sidebar in the open spreadsheet. */
export function showSidebar(ui: GoogleAppsScript.Base.Ui, html: GoogleAppsScript.HTML.HtmlService): void {
  ui.showSidebar(html.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE));
}
