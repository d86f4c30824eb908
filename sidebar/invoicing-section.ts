/**
 * The Invoicing section of the Settings panel: whether this workbook's hourly invoicing
 * trigger is on and whose it is, what the last run did, and the unpaid invoices with
 * links to their Doc and PDF. Authorizers turn their trigger on or off, run invoicing now
 * and mark invoices paid; everyone else sees the status and the list. The server checks
 * the permission again on every call.
 */
import { byId, externalLink, fill, h } from './dom';
import { act, say } from './feedback';
import { formatMoney, hoursText } from './format';
import { call } from './server';
import { authorizersOnly, data, onData, reload, type OpenInvoice, type SidebarData } from './state';

const message = () => byId('invoicing-message');

/** What runs invoicing when the trigger is off. */
function offLine(d: SidebarData): string {
  const after = d.settings.invoiceAfterAuthorization ? ', or when an authorization takes a client below its minimum' : '';
  return `Invoices are made only when an authorizer runs invoicing${after}.`;
}

function statusCard(d: SidebarData): HTMLElement {
  const { status, installedAt, lastRunAt } = d.invoicing;
  const on = status.yours || status.installedBy !== '';
  const since = installedAt ? [', since ', h('span', { class: 'nowrap' }, installedAt)] : [];
  const who = status.yours
    ? ['Runs every hour as you', ...(status.installedBy === d.user ? since : []), '.']
    : status.installedBy
      ? [`Runs every hour as ${status.installedBy}`, ...since, '. Only they can turn it off.']
      : [offLine(d)];
  // Someone else's trigger can only be turned off by them; a second one would do nothing more.
  const toggle = d.canAuthorize && (status.yours || !status.installedBy);
  return h(
    'div',
    { class: `status-card${on ? ' on' : ''}` },
    h(
      'div',
      { class: 'status-head' },
      h('b', {}, on ? 'Hourly invoicing is on' : 'Hourly invoicing is off'),
      toggle ? h('button', { type: 'button', id: 'invoicing-toggle', onclick: () => void switchTrigger() }, status.yours ? 'Turn off' : 'Turn on') : null,
    ),
    h('div', { class: 'secondary' }, ...who),
    h(
      'div',
      { class: 'last-run' },
      ...(status.lastRun ? ['Last run ', h('span', { class: 'nowrap' }, lastRunAt), ` by ${status.lastRun.by}:`] : ['Invoicing has not run yet.']),
    ),
    status.lastRun ? h('div', { class: 'secondary', id: 'last-run-summary' }, status.lastRun.summary) : null,
  );
}

function invoiceItem(invoice: OpenInvoice, canPay: boolean): HTMLLIElement {
  const pending = invoice.status === 'Pending';
  const amount = invoice.amountCents === null ? 'no amount' : formatMoney(invoice.amountCents, invoice.currency);
  const links = [externalLink(invoice.document, 'Doc'), externalLink(invoice.pdf, 'PDF')].filter((a): a is HTMLAnchorElement => a !== null);
  const meta = [invoice.client || '(no client)', invoice.day, invoice.minutes === null ? '' : hoursText(invoice.minutes)].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `invoice${pending ? ' pending' : ''}`, 'data-invoice': invoice.invoiceNo },
    h('div', { class: 'invoice-top' }, h('b', { class: 'invoice-no' }, invoice.invoiceNo), h('span', { class: 'num nowrap' }, amount)),
    h('div', { class: 'secondary' }, meta),
    pending ? h('div', { class: 'flag' }, 'Pending: not finished yet. Run invoicing now to finish it.') : null,
    h(
      'div',
      { class: 'invoice-foot' },
      h('span', { class: 'links' }, ...links.flatMap((a, i) => (i ? [' · ', a] : [a]))),
      canPay && !pending
        ? h(
            'button',
            { type: 'button', class: 'pay', onclick: (event: Event) => void markPaid(event.currentTarget as HTMLButtonElement, invoice.invoiceNo) },
            'Mark paid',
          )
        : null,
    ),
  );
}

function render(d: SidebarData): void {
  const { open, problem } = d.invoicing;
  fill(byId('invoicing-status'), statusCard(d));
  byId('invoicing-actions').hidden = !d.canAuthorize;
  const whoCan = byId('invoicing-who-can');
  whoCan.hidden = d.canAuthorize;
  whoCan.textContent = d.canAuthorize ? '' : authorizersOnly(d, 'turn invoicing on or off, run it or mark invoices paid');
  byId('open-invoices-title').textContent = open.length ? `Unpaid invoices (${open.length})` : 'Unpaid invoices';
  fill(
    byId('open-invoices'),
    ...(problem
      ? [h('li', { class: 'problem' }, problem)]
      : open.length
        ? open.map((invoice) => invoiceItem(invoice, d.canAuthorize))
        : [h('li', { class: 'empty' }, 'No unpaid invoices.')]),
  );
}

async function switchTrigger(): Promise<void> {
  const d = data();
  if (!d) return;
  const turnOff = d.invoicing.status.yours;
  const status = await act(byId<HTMLButtonElement>('invoicing-toggle'), message(), async () => {
    const answer = await call(turnOff ? 'removeInvoicingTrigger' : 'installInvoicingTrigger');
    await reload();
    return answer;
  });
  if (status)
    say(message(), 'success', status.yours ? 'Hourly invoicing is on: it runs every hour as you, in this workbook.' : 'Your hourly invoicing trigger is off.');
}

async function runNow(): Promise<void> {
  const run = await act(byId<HTMLButtonElement>('run-invoicing'), message(), async () => {
    const answer = await call('runAutomaticInvoicing');
    await reload();
    return answer;
  });
  if (run) say(message(), run.problems.length ? 'notice' : 'success', run.summary);
}

async function markPaid(button: HTMLButtonElement, invoiceNo: string): Promise<void> {
  const paid = await act(button, message(), async () => {
    const answer = await call('markInvoicePaid', invoiceNo);
    await reload();
    return answer;
  });
  if (paid) say(message(), 'success', paid.summary);
}

export function initInvoicingSection(): void {
  byId('run-invoicing').addEventListener('click', () => void runNow());
  onData(render);
}
