/**
 * The workbook `npm run sidebar` opens: the demo agency (harness/demo-workbook.ts) in
 * the middle of October 2026 — clients topped up, weeks of work already authorized,
 * the last two weeks still open (with the demo's wrong rows among them), so every
 * panel has something to show. Built through the server API, as a person would, on the
 * days a person would: each week's work is logged on its Monday and authorized on its
 * Friday afternoon, never before the work was done.
 */
import type { Addon } from './addon';
import { pasteRows } from '../emulator/sheet-rows';
import { AUTHORIZER, CLIENTS, entriesByWeek, INVALID_ENTRIES, PROJECT_MANAGER, START } from './demo-workbook';

/** How many of the demo's weeks are logged, and how many of those are left open. */
const WEEKS = 7;
const OPEN_WEEKS = 2;

/** Adds an optional column the way a person would, after the last header, unless it is there. */
function addOptionalColumn(addon: Addon, sheetName: string, header: string): void {
  const sheet = addon.emu.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}.`);
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).trim().toLowerCase());
  if (headers.includes(header.toLowerCase())) return;
  if (sheet.getMaxColumns() === headers.length) sheet.insertColumnsAfter(headers.length, 1);
  sheet.getRange(1, headers.length + 1).setValue(header);
}

/** 15:30 UTC on the Friday of the week starting `monday`: the afternoon it is reviewed. */
function fridayAfternoon(monday: string): number {
  return new Date(`${monday}T15:30:00Z`).getTime() + 4 * 86_400_000;
}

/** Seeds the add-on's spreadsheet and leaves the clock on the last logged Friday afternoon. */
export function seedSidebarWorkbook(addon: Addon): void {
  const { emu, server } = addon;
  emu.clock.set(START);
  server.setUpSheets();
  server.saveSettings({ authorizers: [AUTHORIZER, PROJECT_MANAGER], roundingMinutes: 6 });
  addOptionalColumn(addon, 'Credits', 'Rounding (min)');
  pasteRows(
    emu.spreadsheet,
    'Credits',
    CLIENTS.map(({ initialHours: _unused, ...client }) => client),
  );
  for (const client of CLIENTS) server.addCredits(client.Client, client.initialHours, 'Prepaid block, September');
  // October's blocks were bought up front, with September's.
  for (const client of CLIENTS) server.addCredits(client.Client, client['Top-up (h)'] as number, 'Prepaid block, October');

  const weeks = [...entriesByWeek()].slice(0, WEEKS);
  weeks.forEach(([monday, entries], index) => {
    const closed = index < WEEKS - OPEN_WEEKS;
    const batch = index === WEEKS - 1 ? [...entries, ...INVALID_ENTRIES] : entries;
    pasteRows(
      emu.spreadsheet,
      'Time entries',
      batch.map((entry) => ({ ...entry, Select: closed })),
    );
    emu.clock.set(fridayAfternoon(monday));
    if (closed) server.authorizeTicked();
  });
}
