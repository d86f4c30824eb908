/**
 * Workbook settings, kept as one JSON document in the document properties. Each key has a
 * default and a validator; `saveSettings` merges only the keys it is given and refuses
 * the whole change, with a reason per key, when any value is invalid.
 */
import { isEmailAddress } from './people';
import { normalizeEmail } from './permissions';
import { CodedError, ok, type Refusal, type Result, refuse } from './result';
import { isRoundingMinutes, type RoundingMinutes } from './rounding';

export type CreditOn = 'payment' | 'issue';

export interface Settings {
  authorizers: string[];
  roundingMinutes: RoundingMinutes;
  /** Invoice number pattern; `{yyyy}` is the year and the last run of zeros the counter. */
  invoicePattern: string;
  invoiceTemplateId: string;
  invoiceFolderId: string;
  emailInvoices: boolean;
  creditOn: CreditOn;
  invoiceAfterAuthorization: boolean;
  /** What the client's prepaid log shows of the person who did the work. */
  clientLogPerson: 'name' | 'email' | 'hidden';
  clientLogShowDescriptions: boolean;
  /** Clients whose shared log may be opened by anyone with the link. */
  linkSharingClients: string[];
  /** Yearly archive spreadsheets written by archiveBefore: year -> spreadsheet ID. */
  archives: Record<string, string>;
  /** People's names by email (lower case), as Time entries write them; an email not here is named from the email (people.ts). */
  people: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  authorizers: [],
  roundingMinutes: 0,
  invoicePattern: 'INV-{yyyy}-{0000}',
  invoiceTemplateId: '',
  invoiceFolderId: '',
  emailInvoices: false,
  creditOn: 'payment',
  invoiceAfterAuthorization: true,
  clientLogPerson: 'name',
  clientLogShowDescriptions: true,
  linkSharingClients: [],
  archives: {},
  people: {},
};

type Validator<T> = (value: unknown) => Result<T, Refusal<'invalid-setting'>>;

const bool: Validator<boolean> = (v) => (typeof v === 'boolean' ? { ok: true, value: v } : refuse('invalid-setting', 'must be true or false'));
const text: Validator<string> = (v) => (typeof v === 'string' ? { ok: true, value: v.trim() } : refuse('invalid-setting', 'must be text'));
const oneOf =
  <T extends string>(...choices: T[]): Validator<T> =>
  (v) =>
    choices.includes(v as T) ? { ok: true, value: v as T } : refuse('invalid-setting', `must be one of ${choices.join(', ')}`);
const stringList: Validator<string[]> = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string')
    ? { ok: true, value: [...new Set(v.map((s: string) => s.trim()).filter(Boolean))] }
    : refuse('invalid-setting', 'must be a list of text');

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  authorizers: (v) => {
    const list = stringList(v);
    if (!list.ok) return list;
    const emails = [...new Set(list.value.map(normalizeEmail))];
    const bad = emails.find((e) => !isEmailAddress(e));
    if (bad) return refuse('invalid-setting', `"${bad}" is not an email address`);
    if (emails.length === 0) return refuse('invalid-setting', 'must keep at least one authorizer');
    return { ok: true, value: emails };
  },
  roundingMinutes: (v) => (isRoundingMinutes(v) ? { ok: true, value: v } : refuse('invalid-setting', 'must be 0 (none), 6, 10, 15 or 30 minutes')),
  invoicePattern: (v) => {
    const t = text(v);
    if (!t.ok) return t;
    return /\{0+\}/.test(t.value) ? t : refuse('invalid-setting', 'must contain a counter such as {0000}');
  },
  invoiceTemplateId: text,
  invoiceFolderId: text,
  emailInvoices: bool,
  creditOn: oneOf('payment', 'issue'),
  invoiceAfterAuthorization: bool,
  clientLogPerson: oneOf('name', 'email', 'hidden'),
  clientLogShowDescriptions: bool,
  linkSharingClients: stringList,
  archives: (v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).every(([k, id]) => /^\d{4}$/.test(k) && typeof id === 'string')
      ? { ok: true, value: { ...(v as Record<string, string>) } }
      : refuse('invalid-setting', 'must map years to spreadsheet IDs'),
  people: validatePeople,
};

/** A person's name: on one line, not so long it breaks a column, and not starting like a formula. */
function nameProblem(name: string): string {
  if (!name) return 'has no name';
  if (name.length > 80) return 'has a name over 80 characters';
  if (/[\r\n\t]/.test(name)) return 'has a name on more than one line';
  if (/^[=+\-@']/.test(name)) return `has a name starting with "${name[0]}", which a spreadsheet reads as a formula`;
  if (name.includes('@')) return 'has an email address as its name; write the name a client reads';
  return '';
}

/** People: emails (any case, stored lower case) to names; two emails may not share a name, or the Person filter would mix them up. */
function validatePeople(v: unknown): ReturnType<Validator<Record<string, string>>> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return refuse('invalid-setting', 'must map email addresses to names');
  const people: Record<string, string> = {};
  const owners = new Map<string, string>();
  for (const [rawEmail, rawName] of Object.entries(v as Record<string, unknown>)) {
    const email = normalizeEmail(rawEmail);
    if (!isEmailAddress(email)) return refuse('invalid-setting', `"${rawEmail.trim()}" is not an email address`);
    if (typeof rawName !== 'string') return refuse('invalid-setting', `${email} must have a name as text`);
    const name = rawName.trim().replace(/ {2,}/g, ' ');
    const problem = nameProblem(name);
    if (problem) return refuse('invalid-setting', `${email} ${problem}`);
    const other = owners.get(name.toLowerCase());
    if (other && other !== email) return refuse('invalid-setting', `${other} and ${email} are both named "${name}"; give each person their own name`);
    owners.set(name.toLowerCase(), email);
    people[email] = name;
  }
  return ok(people);
}

/** One sentence naming every refused key and why. */
function problemsSentence(problems: Record<string, string>): string {
  return `Settings were not saved: ${Object.entries(problems)
    .map(([k, r]) => `${k} ${r}`)
    .join('; ')}.`;
}

/** Settings that would not be valid (code `invalid-settings`); nothing was saved. */
export class SettingsError extends CodedError {
  constructor(readonly problems: Record<string, string>) {
    super('invalid-settings', problemsSentence(problems));
    this.name = 'SettingsError';
  }
}

/** Reads stored settings over the defaults, ignoring stored values that no longer validate. */
export function parseStoredSettings(json: string | null): Settings {
  // Fresh lists, so a caller that changes the result cannot change the defaults.
  const settings: Settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
  if (!json) return settings;
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return settings;
  }
  if (!stored || typeof stored !== 'object') return settings; // "null", "42": nothing to read
  for (const key of Object.keys(VALIDATORS) as (keyof Settings)[]) {
    if (!(key in stored)) continue;
    const result = VALIDATORS[key](stored[key]);
    if (result.ok) (settings as unknown as Record<string, unknown>)[key] = result.value;
  }
  return settings;
}

/** Merges a partial change into settings; unknown keys or invalid values refuse the whole change. */
function applyChange(current: Settings, change: Record<string, unknown>): { next: Settings; problems: Record<string, string> } {
  const next: Record<string, unknown> = { ...current };
  const problems: Record<string, string> = Object.create(null); // so a "__proto__" key is recorded too
  for (const [key, value] of Object.entries(change ?? {})) {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    const validate = Object.keys(VALIDATORS).includes(key) ? (VALIDATORS as Record<string, Validator<unknown>>)[key] : undefined;
    if (!validate) {
      problems[key] = 'is not a setting';
      continue;
    }
    const result = validate(value);
    if (result.ok) next[key] = result.value;
    else problems[key] = result.refusal.message;
  }
  return { next: next as unknown as Settings, problems };
}

/** The settings with `change` applied, or a refusal (`invalid-settings`) naming every key refused; a refused change changes nothing. */
export function changeSettings(current: Settings, change: Record<string, unknown>): Result<Settings, Refusal<'invalid-settings'>> {
  const { next, problems } = applyChange(current, change);
  return Object.keys(problems).length ? refuse('invalid-settings', problemsSentence(problems)) : ok(next);
}

/** The settings with `change` applied; throws a {@link SettingsError} when the add-on itself asks for an invalid one. */
export function mergeSettings(current: Settings, change: Record<string, unknown>): Settings {
  const { next, problems } = applyChange(current, change);
  if (Object.keys(problems).length) throw new SettingsError(problems);
  return next;
}
