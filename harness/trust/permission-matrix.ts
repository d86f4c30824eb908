/**
 * §4 The permission matrix: an authorizer, an editor who is not an authorizer, someone
 * whose email Google does not give (consumer accounts in some contexts) and a client who
 * was given view access to their prepaid log call every server function directly, as a
 * crafted `google.script.run` call would. Authorizer-only functions must refuse the
 * others with a sentence that says why, and change nothing at all; functions that only
 * read must change nothing for anyone. The client viewer can reach the agency workbook
 * only if it is shared with them, so no call may ever share it with them.
 */
import type { Addon } from '../addon';
import { describeError, unreadableError, verdict, type CaseResult } from './cases';
import { SERVER_FUNCTIONS, type ServerFunction } from './server-functions';
import { BASE, CLIENT_VIEWER, EDITOR, invoicedWorkbook, OWNER } from './trust-workbook';
import { stateDifferences, workbookState } from './workbook-state';

export interface Role {
  name: string;
  user: string;
  authorizer: boolean;
}

export const ROLES: Role[] = [
  { name: 'authorizer', user: OWNER, authorizer: true },
  { name: 'editor, not an authorizer', user: EDITOR, authorizer: false },
  { name: 'empty email', user: '', authorizer: false },
  { name: 'client viewer', user: CLIENT_VIEWER, authorizer: false },
];

/** A refusal names the rule: only authorizers, or that Google did not say who the user is. */
const NOT_AUTHORIZER = /only authorizers/i;
const NO_EMAIL = /did not tell the add-on who you are/i;

/** The matrix's workbook: invoiced, Acme's log shared with its client, every entry named (so reading assigns no ID). */
export function matrixWorkbook(): Addon {
  const addon = invoicedWorkbook(BASE);
  addon.server.getSidebarData({});
  return addon;
}

interface Attempt {
  threw: unknown;
  value: unknown;
  /** What the user was told: the error, the refusal in a result, or the alerts and toasts a menu showed. */
  told: string;
}

function refusalInResult(value: unknown): string {
  const result = value as { done?: unknown[]; skipped?: { code: string; message: string }[]; ok?: boolean; summary?: string } | null;
  if (
    result &&
    Array.isArray(result.skipped) &&
    Array.isArray(result.done) &&
    result.done.length === 0 &&
    result.skipped.length > 0 &&
    result.skipped.every((s) => s.code === 'not-allowed')
  )
    return result.skipped[0].message;
  if (result && result.ok === false) return String(result.summary ?? '');
  return '';
}

function attempt(addon: Addon, f: ServerFunction, user: string): Attempt {
  const alerts = addon.emu.ui.alerts.length;
  const toasts = addon.emu.ui.toasts.length;
  const args = f.args(addon);
  try {
    const value = addon.call(f.name, args, user);
    const shown = [...addon.emu.ui.alerts.slice(alerts).map((a) => a.prompt ?? ''), ...addon.emu.ui.toasts.slice(toasts).map((t) => t.message)];
    return { threw: null, value, told: f.menu ? shown.join(' | ') : refusalInResult(value) };
  } catch (error) {
    return { threw: error, value: undefined, told: String((error as Error)?.message ?? error) };
  }
}

function triggersOf(addon: Addon, users: readonly string[]): number[] {
  const scriptApp = addon.emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
  return users.map((user) => addon.emu.execution(() => scriptApp.getProjectTriggers().length, { user }));
}

function sharedWithViewer(addon: Addon): boolean {
  const workbook = addon.emu.files.get(addon.emu.spreadsheet.getId());
  return Boolean(workbook && [...workbook.viewers, ...workbook.editors].includes(CLIENT_VIEWER));
}

/** One cell of the matrix: what broke when `role` called `f`. */
export function matrixCase(f: ServerFunction, role: Role): string[] {
  const addon = matrixWorkbook();
  const before = workbookState(addon);
  const users = ROLES.map((r) => r.user).filter(Boolean);
  const triggers = triggersOf(addon, users);
  const result = attempt(addon, f, role.user);
  const broken: string[] = [];
  if (result.threw) {
    const why = unreadableError(result.threw);
    if (why) broken.push(why);
  }
  const unchanged = () => [
    ...stateDifferences(before, workbookState(addon)),
    ...(JSON.stringify(triggersOf(addon, users)) === JSON.stringify(triggers) ? [] : ['the triggers changed']),
  ];
  const refusedForPermission = (role.user ? NOT_AUTHORIZER : NO_EMAIL).test(result.told);
  if (role.authorizer) {
    if (result.threw) broken.push(`refused the authorizer: ${describeError(result.threw)}`);
    else if (NOT_AUTHORIZER.test(result.told) || NO_EMAIL.test(result.told)) broken.push(`refused the authorizer: ${result.told}`);
  } else if (f.access === 'authorizer') {
    if (!refusedForPermission) broken.push(`was not refused for lack of permission; the user was told: ${result.told || '(nothing)'}`);
    broken.push(...unchanged().map((d) => `a refused call changed something: ${d}`));
  } else if (f.access === 'reader') {
    if (result.threw) broken.push(`a read failed: ${describeError(result.threw)}`);
    broken.push(...unchanged().map((d) => `a read changed something: ${d}`));
  } else if (role.user === EDITOR && (result.threw || result.told)) {
    broken.push(`refused an editor: ${result.told}`);
  }
  if (sharedWithViewer(addon)) broken.push('the agency workbook is now shared with the client viewer');
  return broken;
}

/** Every server function called by every role. */
export function permissionCases(): CaseResult[] {
  return SERVER_FUNCTIONS.flatMap((f) => ROLES.map((role) => verdict('permission', role.name, `${f.name} called by the ${role.name}`, matrixCase(f, role))));
}
