/**
 * The nudge for a client below zero whose Auto-invoice is off: no invoice will come by
 * itself, so the Credits panel and the Authorize preview say so, and offer authorizers
 * a button that makes the invoice now (`invoiceClientNow`, once per drop below the
 * minimum, like every invoice). When an unpaid invoice is already out, it names it instead.
 */
import { h } from './dom';
import { act, say } from './feedback';
import { call } from './server';
import { data, reload, type Client, type SidebarData } from './state';

async function invoiceNow(button: HTMLButtonElement, client: string, area: () => HTMLElement): Promise<void> {
  const run = await act(button, area(), async () => {
    const answer = await call('invoiceClientNow', client);
    await reload();
    return answer;
  });
  if (run) say(area(), run.problems.length || run.created.length === 0 ? 'notice' : 'success', run.summary);
}

/**
 * The nudge for `client`, or null when it needs none. `negative` is whether the balance
 * shown is below zero (the Authorize preview passes the balance after authorizing);
 * the button is offered only while the client's balance is below its minimum now,
 * which is what an invoice made now is for. Messages go to `area`.
 */
export function invoiceNudge(client: Client, d: SidebarData, area: () => HTMLElement, negative = client.negative): HTMLElement | null {
  if (!negative || client.autoInvoice) return null;
  const unpaid = d.invoicing.open.find((invoice) => invoice.client === client.name);
  const button =
    d.canAuthorize && client.underMinimum && !unpaid
      ? h(
          'button',
          { type: 'button', class: 'invoice-now', onclick: (event: Event) => void invoiceNow(event.currentTarget as HTMLButtonElement, client.name, area) },
          'Make the invoice now',
        )
      : null;
  return h(
    'div',
    { class: 'nudge', 'data-nudge': client.name },
    'Below zero, not invoiced automatically.',
    unpaid ? ` Invoice ${unpaid.invoiceNo} is unpaid.` : '',
    button,
  );
}

/** The nudge for the client named `name` in the last data (the Authorize preview's totals name clients), or null. */
export function nudgeByName(name: string, negative: boolean, area: () => HTMLElement): HTMLElement | null {
  const d = data();
  const client = d?.clients.find((c) => c.name === name);
  return d && client ? invoiceNudge(client, d, area, negative) : null;
}
