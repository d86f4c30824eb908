/**
 * The notices at the top of every panel. When the prepaid log was changed by hand, an
 * authorizer sees what happened to which row (field by field when the sealed values are
 * known), with Restore (put the row back as sealed) and Accept (keep the log as it now
 * stands, with a reason); everyone else sees a short notice that ledger actions are
 * paused and time can still be logged. Authorizers also see a warning while the ledger
 * sheets are not protected for them alone. Everything from the sheet is set as text.
 */
import { byId, fill, h } from './dom';
import { act, say } from './feedback';
import { call } from './server';
import { onData, reload, type SidebarData } from './state';

type Problem = NonNullable<SidebarData['ledger']['problem']>;

async function resolve(button: HTMLButtonElement, work: () => Promise<{ summary: string }>): Promise<void> {
  const area = byId('ledger-notice-result');
  const result = await act(button, area, async () => {
    const answer = await work();
    await reload();
    return answer;
  });
  if (result) say(area, 'success', result.summary);
}

function restoreButton(problem: Problem): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'action', id: 'ledger-restore' }, 'Restore');
  button.addEventListener('click', () => void resolve(button, () => call('restoreLedgerRow', problem.ref)));
  return button;
}

function acceptForm(problem: Problem): HTMLFormElement {
  const reason = h('input', { type: 'text', id: 'ledger-accept-reason', name: 'reason', required: true, maxlength: 500 });
  const button = h('button', { type: 'submit', id: 'ledger-accept' }, 'Accept as it stands');
  const form = h(
    'form',
    { class: 'ledger-accept', 'aria-label': 'Accept the log as it stands' },
    h('div', { class: 'form-group' }, h('label', { for: 'ledger-accept-reason' }, 'Reason for accepting (recorded in the log)'), reason),
    h('div', { class: 'buttons' }, button),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void resolve(button, () => call('acceptLedgerEdit', problem.ref, reason.value));
  });
  return form;
}

function render(d: SidebarData): void {
  const notice = byId('ledger-notice');
  const problem = d.ledger.problem;
  notice.hidden = d.ledger.ok;
  if (d.ledger.ok) fill(notice);
  else if (!problem) fill(notice, h('p', { class: 'message notice' }, d.ledger.notice));
  else {
    const changes = problem.changes.filter((c) => c.field !== 'Checksum');
    fill(
      notice,
      h('h2', {}, 'The prepaid log was changed by hand'),
      h('p', { class: 'message error' }, problem.message),
      changes.length
        ? h('ul', { class: 'ledger-changes' }, ...changes.map((c) => h('li', {}, `${c.field} was ${c.was || '(empty)'}, now ${c.now || '(empty)'}`)))
        : null,
      problem.restorable ? h('div', { class: 'buttons' }, restoreButton(problem)) : null,
      acceptForm(problem),
      h('div', { id: 'ledger-notice-result', class: 'message', role: 'status' }),
    );
  }
  const warning = byId('protection-warning');
  warning.hidden = !d.protectionWarning;
  if (d.protectionWarning) say(warning, 'notice', d.protectionWarning);
  else fill(warning);
}

export function initLedgerNotice(): void {
  onData(render);
}
