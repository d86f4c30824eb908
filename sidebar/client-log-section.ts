/**
 * A client's prepaid log file, inside its card on the Credits panel (authorizers only):
 * export it (created the first time, refreshed after) with a link to open it, share it
 * view-only with an email, and the emails it is shared with, each with Stop sharing.
 * Cards are redrawn after every load, so each client's last result is kept here and
 * drawn again with the card.
 */
import { externalLink, fieldError, h, value } from './dom';
import { act, clearPanel, onStale, say } from './feedback';
import { hoursText } from './format';
import { call } from './server';
import { reload, type ClientLog } from './state';

/** The last success message of each client's section, by client name, until another action in the panel makes it stale. */
const results = new Map<string, string>();
onStale(() => results.clear());

/**
 * Runs a client-log action and reloads. Its message is kept before the reload redraws the
 * card; a failure shows in the card as it stands (nothing was reloaded).
 */
async function run<T>(client: string, button: HTMLButtonElement, area: HTMLElement, work: () => Promise<T>, done: (answer: T) => string): Promise<void> {
  await act(button, area, async () => {
    const answer = await work();
    results.set(client, done(answer));
    await reload();
  });
}

function shareItem(client: string, email: string, area: HTMLElement): HTMLLIElement {
  const stop = h('button', { type: 'button', class: 'link', 'aria-label': `Stop sharing with ${email}` }, 'Stop sharing');
  stop.addEventListener(
    'click',
    () =>
      void run(
        client,
        stop,
        area,
        () => call('unshareClientLog', client, email),
        (answer) => answer.summary,
      ),
  );
  return h('li', { 'data-email': email }, h('span', { class: 'email' }, email), stop);
}

/** The section for one client; `index` keeps its field IDs unique in the panel. */
export function clientLogSection(client: string, log: ClientLog | undefined, index: number): HTMLElement {
  const id = `client-${index}-share`;
  const area = h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const kept = results.get(client);
  if (kept) say(area, 'success', kept);

  const exportButton = h('button', { type: 'button', class: 'export' }, 'Export prepaid log');
  exportButton.addEventListener(
    'click',
    () =>
      void run(
        client,
        exportButton,
        area,
        () => call('exportPrepaidLog', client),
        (answer) => `${answer.created ? 'Created' : 'Updated'} the file: ${hoursText(answer.balanceMinutes)} left; ${answer.forecast}.`,
      ),
  );
  const link = log?.url ? externalLink(log.url, 'Open the file') : null;
  const shares = log?.sharedWith ?? [];

  const form = h(
    'form',
    // The server checks the address and says what is wrong, in the card, instead of the browser's bubble.
    { class: 'share-form', 'aria-label': `Share the prepaid log of ${client}`, novalidate: true },
    h('label', { for: id }, shares.length ? 'Share with another email' : 'Share with (view only)'),
    h(
      'div',
      { class: 'inline' },
      h('input', { type: 'email', id, name: 'email', placeholder: 'name@client.com', autocomplete: 'off' }),
      h('button', { type: 'submit' }, 'Share'),
    ),
    h('span', { class: 'field-error', 'data-error-for': 'email' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearPanel(form);
    const email = value(form, 'email').trim();
    if (!email) return fieldError(form, 'email', "Enter the client's email.");
    const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    void run(
      client,
      button,
      area,
      () => call('shareClientLog', client, email),
      (answer) => `Shared with ${email.toLowerCase()} (view only).${answer.linkSharing ? ' Anyone with the link can open it too.' : ''}`,
    );
  });

  return h(
    'div',
    { class: 'client-log' },
    h('h3', {}, "Client's prepaid log"),
    area,
    h('div', { class: 'buttons' }, exportButton, link),
    h(
      'div',
      { class: 'secondary shares-title', id: `${id}-list` },
      shares.length ? 'Shared with (view only):' : log?.url ? 'Not shared with anyone yet.' : 'No file yet; exporting or sharing it creates it.',
    ),
    shares.length ? h('ul', { class: 'shares', 'aria-labelledby': `${id}-list` }, ...shares.map((email) => shareItem(client, email, area))) : null,
    log?.linkSharing ? h('p', { class: 'secondary' }, 'Anyone with the link can open it (Settings).') : null,
    form,
  );
}
