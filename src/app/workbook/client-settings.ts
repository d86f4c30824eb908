/**
 * `saveClientSettings(client, settings)`: an authorizer edits a client's thresholds and
 * billing settings from the sidebar. Each field is validated and refused with a message
 * of its own; when all are valid, the client's `Credits` cells are written in one batch,
 * under the lock. `Balance (h)` is not editable here: it comes from the log.
 */
import { isEmail } from '../../core/email';
import { minutesToHours, parseHours, parseMoney } from '../../core/quantities';
import { ok, type Refusal, type Result, refuse } from '../../core/result';
import type { Client } from '../../core/types';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { asText } from '../../sheets/cell-text';
import { CREDITS } from '../../sheets/schema';
import { LedgerSession } from '../ledger';
import { clientView, type ClientView } from '../sidebar';

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
  | { ok: false; code: 'invalid-fields'; errors: Partial<Record<ClientSettingsField, string>>; summary: string };

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
    return email === '' || isEmail(email)
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

/** Saves a client's settings in one batch (authorizers only). */
export function saveClientSettings(services: Services, client: string, settings: ClientSettingsInput): Result<SaveClientSettingsResult> {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new Error('saveClientSettings needs an object of client settings.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.refusal();
    if (denied) return { ok: false, refusal: denied };
    const found = session.credits.find(client);
    if (!found.ok) return found;
    const errors: Partial<Record<ClientSettingsField, string>> = {};
    const updates: { client: string; header: string; value: unknown }[] = [];
    let saved: Client = found.value;
    for (const [field, value] of Object.entries(settings)) {
      const check = CHECKS[field as ClientSettingsField];
      if (!check) throw new Error(`"${field}" is not a client setting; the settings are ${Object.keys(CHECKS).join(', ')}.`);
      const result = check(value);
      const header = HEADERS[field as ClientSettingsField];
      if (!result.ok) errors[field as ClientSettingsField] = result.refusal.message;
      else if (!session.credits.table.has(header))
        errors[field as ClientSettingsField] = `The ${CREDITS.name} sheet has no "${header}" column. Run Set up sheets to add it.`;
      else {
        updates.push({ client: found.value.name, header, value: result.value.cell });
        saved = { ...saved, ...result.value.patch };
      }
    }
    if (Object.keys(errors).length) return ok({ ok: false, code: 'invalid-fields', errors, summary: `Nothing was saved: ${Object.values(errors).join(' ')}` });
    session.credits.writeCells(updates);
    return ok({ ok: true, client: clientView(saved, session.ledger, session.settings.roundingMinutes), summary: `Saved the settings of ${found.value.name}.` });
  });
}
