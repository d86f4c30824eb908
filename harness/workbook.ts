/**
 * What integration tests share: a fresh add-on on the emulator, set up by its owner, with
 * builders for clients and time entries written the way a person would type them.
 */
import { startAddon, type Addon } from './addon';
import { ScriptStopped, type EmulatorOptions } from '../emulator/index';
import { pasteRows, readRows } from '../emulator/sheet-rows';

export const OWNER = 'owner@agency.test';
export const EDITOR = 'editor@agency.test';

export interface ClientSpec {
  Client: string;
  Type?: string;
  'Billing email'?: string;
  'Hourly rate'?: unknown;
  Currency?: string;
  'Minimum balance (h)'?: unknown;
  'Top-up (h)'?: unknown;
  'Auto-invoice'?: unknown;
  'Rounding (min)'?: unknown;
}

export interface EntrySpec {
  'Entry ID'?: string;
  Date?: unknown;
  Client: string;
  Person?: string;
  Description?: string;
  Hours: unknown;
  Select?: boolean;
}

/** A set-up workbook (Set up sheets run by OWNER, who becomes the authorizer). */
export function addonWithSheets(opts: EmulatorOptions = {}): Addon {
  const addon = startAddon({ user: OWNER, now: Date.UTC(2026, 0, 5, 9), seed: 7, ...opts });
  addon.server.setUpSheets();
  return addon;
}

/** Clients pasted into Credits (a Company, EUR, 90/h unless given). */
export function pasteClients(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, clients: ClientSpec[]): void {
  pasteRows(
    spreadsheet,
    'Credits',
    clients.map((c) => ({ Type: 'Company', Currency: 'EUR', 'Hourly rate': 90, ...c })),
  );
}

/** Time entries pasted as a person types them (2026-01-05, Ann, "Work" unless given). */
export function pasteEntries(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: EntrySpec[]): void {
  pasteRows(
    spreadsheet,
    'Time entries',
    entries.map((e) => ({ Date: '2026-01-05', Person: 'Ann', Description: 'Work', ...e })),
  );
}

export function addClients(addon: Addon, clients: ClientSpec[]): void {
  pasteClients(addon.emu.spreadsheet, clients);
}

export function addEntries(addon: Addon, entries: EntrySpec[]): void {
  pasteEntries(addon.emu.spreadsheet, entries);
}

/** Adds a column header after the sheet's last column, as a user would. */
export function addColumn(addon: Addon, sheetName: string, header: string): void {
  const sheet = addon.emu.spreadsheet.getSheetByName(sheetName)!;
  sheet.getRange(1, sheet.getLastColumn() + 1).setValue(header);
}

export function rows(addon: Addon, sheet: string): Record<string, unknown>[] {
  return readRows(addon.emu.spreadsheet, sheet);
}

/** Balance (h) per client as written in Credits. */
export function balances(addon: Addon): Record<string, unknown> {
  return Object.fromEntries(rows(addon, 'Credits').map((r) => [r.Client, r['Balance (h)']]));
}

/**
 * The two clients most tests use, names that are prefixes of each other: Acme (top-up 20 h)
 * and Acme Labs (minimum 2 h, top-up 10 h), each topped up with an initial block.
 */
export function addAcmeClients(addon: Addon, initial: { acme: number; labs: number }, acmeMinimumHours = 5): void {
  addClients(addon, [
    { Client: 'Acme', 'Minimum balance (h)': acmeMinimumHours, 'Top-up (h)': 20 },
    { Client: 'Acme Labs', 'Minimum balance (h)': 2, 'Top-up (h)': 10 },
  ]);
  addon.server.addCredits('Acme', initial.acme, 'Initial block');
  addon.server.addCredits('Acme Labs', initial.labs, 'Initial block');
}

/** A workbook with two clients topped up and a few open entries. */
export function standardWorkbook(opts: EmulatorOptions = {}): Addon {
  const addon = addonWithSheets(opts);
  addAcmeClients(addon, { acme: 10, labs: 4 });
  addEntries(addon, [
    { 'Entry ID': 'E-1', Client: 'Acme', Hours: '1:30', Description: 'Kick-off' },
    { 'Entry ID': 'E-2', Client: 'Acme', Hours: 2 },
    { 'Entry ID': 'E-3', Client: 'Acme Labs', Hours: '45m' },
  ]);
  return addon;
}

/**
 * The crash-safety check: runs `operation` uninterrupted on a fresh workbook, then, for
 * every write it made, on another fresh workbook stopped after k writes and run again,
 * expecting `state` to equal the uninterrupted run's (and `alsoCheck` to pass). Returns
 * the number of writes, so a caller can see the cases it covered.
 */
export function expectEveryStoppedRunToRecover<T>(
  prepare: () => Addon,
  operation: (addon: Addon) => unknown,
  state: (addon: Addon) => T,
  alsoCheck: (addon: Addon, reference: Addon) => void = () => undefined,
): number {
  const reference = prepare();
  const before = reference.emu.faults.writes;
  operation(reference);
  const writes = reference.emu.faults.writes - before;
  const expected = state(reference);
  expect(writes).toBeGreaterThan(0);
  for (let k = 0; k < writes; k++) {
    const addon = prepare();
    addon.emu.faults.stopAfterWrites(k);
    expect(() => operation(addon)).toThrow(ScriptStopped);
    addon.emu.faults.clear();
    operation(addon);
    expect({ k, ...state(addon) }).toEqual({ k, ...expected });
    alsoCheck(addon, reference);
  }
  return writes;
}
