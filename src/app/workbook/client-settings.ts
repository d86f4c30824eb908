/**
 * `saveClientSettings(client, settings)`: an authorizer edits a client's thresholds and
 * billing settings from the sidebar; `addClient(input)` adds a client with the same
 * fields. Each field is validated and refused with a message of its own; when all are
 * valid, the client's `Credits` cells (or its new row) are written in one batch, under
 * the lock. `Balance (h)` is not editable here: it comes from the log.
 */
import { sameClientName } from '../../core/client-name';
import { isEmailAddress } from '../../core/people';
import { minutesToHours, parseHours, parseMoney } from '../../core/quantities';
import { ok, type Refusal, type Result, refuse } from '../../core/result';
import type { Client } from '../../core/types';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { asText } from '../../sheets/cell-text';
import { CREDITS } from '../../sheets/schema';
import { LedgerSession } from '../ledger';
import { type ClientView, clientView } from '../sidebar';

/** The editable settings; omitted keys are left as they are. Hours and rate may be text ("1:30", "85.50"). */
export interface ClientSettingsInput {
  type?: 'Company' | 'Contact';
  billingEmail?: string;
  hourlyRate?: string | number;
  currency?: string;
  minimumHours?: string | number;
  topUpHours?: string | number;
  autoInvoice?: boolean;
}

export type ClientSettingsField = keyof ClientSettingsInput;

export type SaveClientSettingsResult =
  | { ok: true; client: ClientView; summary: string }
  | { ok: false; errors: Partial<Record<ClientSettingsField, string>>; summary: string };

const HEADERS: Record<ClientSettingsField, string> = {
  type: 'Type',
  billingEmail: 'Billing email',
  hourlyRate: 'Hourly rate',
  currency: 'Currency',
  minimumHours: 'Minimum balance (h)',
  topUpHours: 'Top-up (h)',
  autoInvoice: 'Auto-invoice',
};

/** A valid field: the value its cell gets and the same change to the parsed client; or why it is refused. */
type Check = Result<{ cell: unknown; patch: Partial<Client> }, Refusal<'invalid-field'>>;

function hoursCell(key: 'minimumMinutes' | 'topUpMinutes'): (value: unknown) => Check {
  return (value) => {
    const parsed = parseHours(typeof value === 'number' ? value : String(value ?? '').trim());
    return parsed.ok ? ok({ cell: minutesToHours(parsed.value), patch: { [key]: parsed.value } }) : refuse('invalid-field', parsed.refusal.message);
  };
}

/** Turns one field into the value its cell gets, or the reason it is refused. */
const CHECKS: Record<ClientSettingsField, (value: unknown) => Check> = {
  type: (v) => (v === 'Company' || v === 'Contact' ? ok({ cell: v, patch: { type: v } }) : refuse('invalid-field', 'Choose Company or Contact.')),
  billingEmail: (v) => {
    const email = String(v ?? '').trim();
    return email === '' || isEmailAddress(email)
      ? ok({ cell: asText(email), patch: { billingEmail: email } })
      : refuse('invalid-field', `"${email}" is not an email address.`);
  },
  hourlyRate: (v) => {
    if (String(v ?? '').trim() === '') return ok({ cell: '', patch: { rateCents: null } });
    const cents = parseMoney(v);
    if (!cents.ok) return refuse('invalid-field', `${cents.refusal.message} Write the rate as a number, like 85 or 85.50.`);
    return cents.value < 0
      ? refuse('invalid-field', 'The rate cannot be negative.')
      : ok({ cell: cents.value / 100, patch: { rateCents: cents.value || null } });
  },
  currency: (v) => {
    const code = String(v ?? '')
      .trim()
      .toUpperCase();
    return code === '' || /^[A-Z]{3}$/.test(code)
      ? ok({ cell: code, patch: { currency: code } })
      : refuse('invalid-field', `"${String(v)}" is not a three-letter currency code such as EUR or USD.`);
  },
  minimumHours: hoursCell('minimumMinutes'),
  topUpHours: hoursCell('topUpMinutes'),
  autoInvoice: (v) => (typeof v === 'boolean' ? ok({ cell: v, patch: { autoInvoice: v } }) : refuse('invalid-field', 'Auto-invoice must be on or off.')),
};

type Errors = Partial<Record<ClientSettingsField, string>>;

/** Checks each given field against its rule and against the Credits headers; returns the cells to write and the parsed change. */
function checkFields(session: LedgerSession, settings: ClientSettingsInput, base: Client): { errors: Errors; cells: Record<string, unknown>; saved: Client } {
  const errors: Errors = {};
  const cells: Record<string, unknown> = {};
  let saved = base;
  for (const [field, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const check = CHECKS[field as ClientSettingsField];
    if (!check) throw new Error(`"${field}" is not a client setting; the settings are ${Object.keys(CHECKS).join(', ')}.`);
    const result = check(value);
    const header = HEADERS[field as ClientSettingsField];
    if (!result.ok) errors[field as ClientSettingsField] = result.refusal.message;
    else if (!session.credits.table.has(header))
      errors[field as ClientSettingsField] = `The ${CREDITS.name} sheet has no "${header}" column. Run Set up sheets to add it.`;
    else {
      cells[header] = result.value.cell;
      saved = { ...saved, ...result.value.patch };
    }
  }
  return { errors, cells, saved };
}

/** Saves a client's settings in one batch (authorizers only). */
export function saveClientSettings(services: Services, client: string, settings: ClientSettingsInput): Result<SaveClientSettingsResult> {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new Error('saveClientSettings needs an object of client settings.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const found = session.clientForAuthorizer(client);
    if (!found.ok) return found;
    const { errors, cells, saved } = checkFields(session, settings, found.value);
    if (Object.keys(errors).length) return ok({ ok: false, errors, summary: `Nothing was saved: ${Object.values(errors).join(' ')}` });
    session.credits.writeCells(Object.entries(cells).map(([header, value]) => ({ client: found.value.name, header, value })));
    return ok({ ok: true, client: clientView(saved, session.ledger, session.settings.roundingMinutes), summary: `Saved the settings of ${found.value.name}.` });
  });
}

/** A new client: its name and the settings of {@link ClientSettingsInput}. */
export interface NewClientInput extends ClientSettingsInput {
  name: string;
}

export type AddClientResult =
  | { ok: true; client: ClientView; summary: string }
  | { ok: false; errors: Partial<Record<ClientSettingsField | 'name', string>>; summary: string };

const NAME_LIMIT = 100;

/** Why `name` cannot be a new client's name, or '' when it can. `existing` are the names in Credits. */
function nameProblem(name: string, existing: readonly string[]): string {
  if (!name) return "Enter the client's name.";
  if (name.length > NAME_LIMIT) return `Keep the name under ${NAME_LIMIT} characters.`;
  if (/[\r\n\t]/.test(name)) return 'Write the name on one line.';
  const twin = existing.find((other) => sameClientName(other, name));
  if (twin === undefined) return '';
  return twin === name ? `"${name}" is already in Credits.` : `"${twin}" is already in Credits; names that differ only in case or spaces would be mixed up.`;
}

/**
 * Adds a client to Credits in one row write (authorizers only): the name must be new,
 * also ignoring case and spaces (`Acme` and `acme ` are one client to a person), and each
 * field valid. Its Balance (h) is the sum of its log, which is 0 unless the log already
 * holds rows under this exact name.
 */
export function addClient(services: Services, input: NewClientInput): Result<AddClientResult> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error('addClient needs an object: { name, type, billingEmail, hourlyRate, currency, minimumHours, topUpHours }.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    // Its Balance (h) comes from the log, so a log the chain does not vouch for is not used.
    const denied = session.changeRefusal();
    if (denied) return { ok: false, refusal: denied };
    const { name: rawName, ...settings } = input;
    const name = String(rawName ?? '')
      .trim()
      .replace(/ {2,}/g, ' ');
    const blank: Client = {
      name,
      type: 'Company',
      billingEmail: '',
      rateCents: null,
      currency: '',
      minimumMinutes: 0,
      topUpMinutes: 0,
      autoInvoice: false,
      roundingMinutes: null,
      lastInvoice: '',
    };
    const { errors, cells, saved } = checkFields(session, { type: 'Company', autoInvoice: false, ...settings }, blank);
    const problem = nameProblem(name, session.credits.names());
    const refused: Partial<Record<ClientSettingsField | 'name', string>> = problem ? { name: problem, ...errors } : errors;
    if (Object.keys(refused).length) return ok({ ok: false, errors: refused, summary: `The client was not added: ${Object.values(refused).join(' ')}` });
    session.credits.appendClient({ Client: asText(name), ...cells, 'Balance (h)': minutesToHours(session.ledger.balance(name)) });
    return ok({ ok: true, client: clientView(saved, session.ledger, session.settings.roundingMinutes), summary: `Added ${name} to Credits.` });
  });
}
