/**
 * The Credits panel: each client's balance and thresholds, editable by authorizers and
 * saved with `saveClientSettings`, with the client's prepaid log file (exported and shared
 * by authorizers), the two forms that change a balance by hand (a top-up with a note,
 * an adjustment with a reason) and the New client form. A client under its minimum stands
 * out; one below zero that is not invoiced automatically gets a button to invoice it now.
 * Each balance form submission carries its own request ID, so a retried call posts once.
 * A refused field shows its message under it.
 */
import { clientLogSection } from './client-log-section';
import { byId, clearFieldErrors, fieldError, fill, h, setOptions, value } from './dom';
import { act, clearPanel, say } from './feedback';
import { invoiceNudge } from './invoice-nudge';
import { formatMoney, hoursInput, hoursText } from './format';
import { call } from './server';
import { authorizersOnly, data, onData, reload, type Client, type ClientLog, type SidebarData } from './state';

type ClientField = 'type' | 'billingEmail' | 'hourlyRate' | 'currency' | 'minimumHours' | 'topUpHours' | 'autoInvoice';

/** Clients whose card is open, so a redraw keeps them open. */
const openCards = new Set<string>();

const message = () => byId('credits-message');

function requestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function field(id: string, label: string, input: HTMLElement, name: string): HTMLDivElement {
  return h('div', { class: 'form-group' }, h('label', { for: id }, label), input, h('span', { class: 'field-error', 'data-error-for': name }));
}

function clientForm(c: Client, index: number, canEdit: boolean): HTMLFormElement {
  const id = (name: string) => `client-${index}-${name}`;
  const text = (name: ClientField, current: string, extra: Record<string, string> = {}) =>
    h('input', { type: 'text', id: id(name), name, value: current, autocomplete: 'off', ...extra });
  const type = h('select', { id: id('type'), name: 'type' }, h('option', { value: 'Company' }, 'Company'), h('option', { value: 'Contact' }, 'Contact'));
  type.value = c.type;
  const form = h(
    'form',
    { 'aria-label': `Settings of ${c.name}` },
    h(
      'fieldset',
      { disabled: !canEdit },
      h(
        'div',
        { class: 'row' },
        field(id('minimumHours'), 'Minimum (h)', text('minimumHours', hoursInput(c.minimumMinutes), { inputmode: 'decimal' }), 'minimumHours'),
        field(id('topUpHours'), 'Top-up (h)', text('topUpHours', hoursInput(c.topUpMinutes), { inputmode: 'decimal' }), 'topUpHours'),
      ),
      h(
        'div',
        { class: 'row' },
        field(
          id('hourlyRate'),
          'Hourly rate',
          text('hourlyRate', c.rateCents === null ? '' : (c.rateCents / 100).toFixed(2), { inputmode: 'decimal' }),
          'hourlyRate',
        ),
        field(id('currency'), 'Currency', text('currency', c.currency, { maxlength: '3', placeholder: 'EUR' }), 'currency'),
      ),
      field(id('type'), 'Type', type, 'type'),
      field(
        id('billingEmail'),
        'Billing email',
        h('input', { type: 'email', id: id('billingEmail'), name: 'billingEmail', value: c.billingEmail, autocomplete: 'off' }),
        'billingEmail',
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name: 'autoInvoice', checked: c.autoInvoice }),
        'Invoice automatically when below the minimum',
      ),
      h('span', { class: 'field-error', 'data-error-for': 'autoInvoice' }),
      h('div', { class: 'buttons hide-when-disabled' }, h('button', { type: 'submit', class: 'action' }, 'Save')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveClient(c.name, form);
  });
  return form;
}

/** `log` is the client's file as getSidebarData gives it to authorizers; undefined for everyone else. */
function clientCard(c: Client, index: number, d: SidebarData, log: ClientLog | undefined): HTMLDetailsElement {
  const canEdit = d.canAuthorize;
  const flag = c.negative ? `Below zero (minimum ${hoursText(c.minimumMinutes)})` : c.underMinimum ? `Below its minimum of ${hoursText(c.minimumMinutes)}` : '';
  const rate = c.rateCents === null ? 'no rate' : `${formatMoney(c.rateCents, c.currency)}/h`;
  const card = h(
    'details',
    { class: `client-card${c.underMinimum ? ' under' : ''}`, 'data-client': c.name, open: openCards.has(c.name) },
    h(
      'summary',
      {},
      h('span', { class: 'name' }, c.name),
      h('span', { class: 'balance num', title: 'Balance' }, hoursText(c.balanceMinutes)),
      flag ? h('span', { class: 'flag' }, flag) : null,
      // In the summary, so it shows while the card is closed.
      invoiceNudge(c, d, message),
    ),
    h(
      'div',
      { class: 'client-meta secondary' },
      `Minimum ${hoursText(c.minimumMinutes)} · top-up ${hoursText(c.topUpMinutes)} · ${rate}${c.autoInvoice ? ' · auto-invoice' : ''}`,
    ),
    clientForm(c, index, canEdit),
    canEdit ? clientLogSection(c.name, log, index) : null,
  );
  card.addEventListener('toggle', () => (card.open ? openCards.add(c.name) : openCards.delete(c.name)));
  return card;
}

async function saveClient(name: string, form: HTMLFormElement): Promise<void> {
  clearFieldErrors(form);
  const settings = {
    type: value(form, 'type') as Client['type'],
    billingEmail: value(form, 'billingEmail'),
    hourlyRate: value(form, 'hourlyRate'),
    currency: value(form, 'currency'),
    minimumHours: value(form, 'minimumHours'),
    topUpHours: value(form, 'topUpHours'),
    autoInvoice: (form.elements.namedItem('autoInvoice') as HTMLInputElement).checked,
  };
  const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
  const result = await act(button, message(), async () => {
    const answer = await call('saveClientSettings', name, settings);
    if (answer.ok) await reload();
    return answer;
  });
  if (!result) return;
  if (result.ok) say(message(), 'success', result.summary);
  else {
    for (const [key, reason] of Object.entries(result.errors)) fieldError(form, key, reason ?? '');
    say(message(), 'error', result.summary);
  }
}

function render(d: SidebarData): void {
  const logs = new Map(d.clientLogs.map((log) => [log.client, log]));
  fill(
    byId('clients'),
    ...(d.clients.length
      ? d.clients.map((c, i) => clientCard(c, i, d, logs.get(c.name)))
      : [h('p', { class: 'empty' }, d.canAuthorize ? 'No clients yet. Add one with New client below.' : 'No clients yet.')]),
  );
  const options = [['', 'Choose a client'] as const, ...d.clients.map((c) => [c.name, c.name] as const)];
  setOptions(byId<HTMLSelectElement>('add-client'), options);
  setOptions(byId<HTMLSelectElement>('adjust-client'), options);
  byId('credit-forms').hidden = !d.canAuthorize;
  const whoCan = byId('credits-who-can');
  whoCan.hidden = d.canAuthorize;
  whoCan.textContent = d.canAuthorize ? '' : authorizersOnly(d, 'add credits or change client settings');
}

/** Shows a refusal's field errors under their fields, with one line in the panel's message area, and focuses the first. */
function showRefusal(form: HTMLFormElement, errors: Partial<Record<string, string>>, what: string): void {
  for (const [key, reason] of Object.entries(errors)) fieldError(form, key, reason ?? '');
  say(message(), 'error', `${what} Correct the fields marked below.`);
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

type BalanceAnswer = { ok: true; summary: string } | { ok: false; errors: Partial<Record<string, string>>; summary: string };

/** Wires a balance form: client-side checks for empty fields, then the call (whose refused fields show under them), then a fresh load. */
function balanceForm(
  formId: string,
  send: (client: string, hours: string, text: string, id: string) => Promise<BalanceAnswer>,
  textField: 'note' | 'reason',
): void {
  const form = byId<HTMLFormElement>(formId);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearPanel(form);
    const client = value(form, 'client');
    const hours = value(form, 'hours').trim();
    const text = value(form, textField).trim();
    if (!client) fieldError(form, 'client', 'Choose a client.');
    if (!hours) fieldError(form, 'hours', 'Enter a number of hours.');
    if (textField === 'reason' && !text) fieldError(form, 'reason', "Give a reason; it appears in the client's prepaid log.");
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) return invalid.focus();
    const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    const id = requestId();
    const result = await act(button, message(), async () => {
      const answer = await send(client, hours, text, id);
      if (answer.ok) await reload();
      return answer;
    });
    if (!result) return;
    if (!result.ok) return showRefusal(form, result.errors, 'Nothing was changed.');
    form.reset();
    say(message(), 'success', result.summary);
  });
}

/** Wires the New client form: the server checks every field and the name, and the new card opens. */
function newClientForm(): void {
  const form = byId<HTMLFormElement>('new-client-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      name: value(form, 'name'),
      type: value(form, 'type') as Client['type'],
      billingEmail: value(form, 'billingEmail'),
      hourlyRate: value(form, 'hourlyRate'),
      currency: value(form, 'currency'),
      minimumHours: value(form, 'minimumHours') || '0',
      topUpHours: value(form, 'topUpHours') || '0',
      autoInvoice: (form.elements.namedItem('autoInvoice') as HTMLInputElement).checked,
    };
    const result = await act(byId<HTMLButtonElement>('add-client-button'), message(), async () => {
      const answer = await call('addClient', input);
      if (answer.ok) {
        openCards.add(answer.client.name);
        await reload();
      }
      return answer;
    });
    if (!result) return;
    if (!result.ok) return showRefusal(form, result.errors, 'The client was not added.');
    form.reset();
    say(message(), 'success', result.summary);
  });
}

export function initCreditsPanel(): void {
  balanceForm('add-credits-form', (client, hours, note, id) => call('addCredits', client, hours, note, id), 'note');
  balanceForm('adjust-form', (client, hours, reason, id) => call('adjustCredits', client, hours, reason, id), 'reason');
  newClientForm();
  // Choosing a client offers its usual top-up.
  byId<HTMLSelectElement>('add-client').addEventListener('change', (event) => {
    const client = data()?.clients.find((c) => c.name === (event.target as HTMLSelectElement).value);
    const hours = byId<HTMLInputElement>('add-hours');
    if (client && client.topUpMinutes > 0) hours.value = hoursInput(client.topUpMinutes);
  });
  onData(render);
}
