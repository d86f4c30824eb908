/**
 * The Authorize panel: the filtered list of entries, per-client totals of what
 * authorizing would deduct, and the Authorize and Reverse actions with their results.
 * Authorizers see the actions; everyone else sees the list, the totals and who can act.
 * The server checks the permission again on every call.
 */
import { byId, clearFieldErrors, fieldError, fill, h, setOptions, value } from './dom';
import { act, say } from './feedback';
import { count, formatHours, hoursText } from './format';
import { nudgeByName } from './invoice-nudge';
import { call, type ServerResult } from './server';
import { authorizersOnly, data, onData, reload, type Entry, type Filter, type SidebarData } from './state';
import { chosenTotals, type Total } from './totals';

type LedgerResult = ServerResult<'authorizeEntries'>;

/** Entry IDs ticked in the list; empty means "all listed". */
const chosen = new Set<string>();

const els = {
  filter: () => byId<HTMLFormElement>('filter-form'),
  message: () => byId('authorize-message'),
  totals: () => byId('totals'),
  list: () => byId<HTMLUListElement>('entries'),
  chooseAll: () => byId<HTMLInputElement>('choose-all'),
  listCount: () => byId('list-count'),
  authorizeForm: () => byId<HTMLFormElement>('authorize-form'),
  authorize: () => byId<HTMLButtonElement>('authorize'),
  reverseForm: () => byId<HTMLFormElement>('reverse-form'),
  reverse: () => byId<HTMLButtonElement>('reverse'),
  whoCan: () => byId('who-can'),
  result: () => byId('authorize-result'),
};

function filterFromForm(): Partial<Filter> {
  const form = els.filter();
  return {
    status: value(form, 'status') as Filter['status'],
    source: value(form, 'source') as Filter['source'],
    client: value(form, 'client'),
    person: value(form, 'person'),
    from: value(form, 'from'),
    to: value(form, 'to'),
  };
}

function applyFilter(): void {
  say(els.message(), 'notice', '');
  reload(filterFromForm()).catch((error: Error) => say(els.message(), 'error', error.message));
}

function showFilter(d: SidebarData): void {
  const form = els.filter();
  setOptions(
    form.elements.namedItem('client') as HTMLSelectElement,
    [['', 'All clients'], ...d.clients.map((c) => [c.name, c.name] as const)],
    d.filter.client,
  );
  setOptions(form.elements.namedItem('person') as HTMLSelectElement, [['', 'Everyone'], ...d.people.map((p) => [p, p] as const)], d.filter.person);
  for (const key of ['status', 'source', 'from', 'to'] as const) (form.elements.namedItem(key) as HTMLInputElement).value = d.filter[key];
}

function entryHours(entry: Entry, open: boolean): string {
  if (entry.minutes === null) return entry.hours || 'no hours';
  if (open && entry.deductMinutes !== null && entry.deductMinutes !== entry.minutes) return `${entry.hours} → ${hoursText(entry.deductMinutes)}`;
  return hoursText(open ? entry.minutes : (entry.deductMinutes ?? entry.minutes));
}

function entryItem(entry: Entry, index: number, open: boolean): HTMLLIElement {
  const id = `pick-${index}`;
  const meta = [entry.date || 'no date', entry.person || 'nobody', `row ${entry.row}`].join(' · ');
  return h(
    'li',
    { class: `entry${entry.problem ? ' skip' : ''}` },
    h('input', { type: 'checkbox', id, value: entry.entryId, checked: chosen.has(entry.entryId), 'data-entry': entry.entryId }),
    h(
      'label',
      { for: id, class: 'entry-main' },
      h(
        'div',
        { class: 'entry-top' },
        h('span', { class: 'client' }, entry.client || '(no client)'),
        h('span', { class: 'hours num' }, entryHours(entry, open)),
      ),
      h('div', { class: 'secondary' }, meta),
      entry.description ? h('div', { class: 'desc' }, entry.description) : null,
      !open && entry.authorizedBy ? h('div', { class: 'secondary' }, `Authorized by ${entry.authorizedBy} ${entry.authorizedAt.slice(0, 10)}`) : null,
      entry.problem ? h('div', { class: 'problem' }, `Will be skipped: ${entry.problem}`) : null,
    ),
  );
}

function totalCard(total: Total): HTMLDivElement {
  const level = total.negative ? 'danger' : total.belowMinimum ? 'warn' : '';
  const rounded = total.deductMinutes !== total.rawMinutes ? `, ${hoursText(total.deductMinutes)} after rounding` : '';
  const flag = total.negative
    ? `Below zero after this: ${hoursText(total.afterMinutes)}`
    : total.belowMinimum
      ? `Below its minimum of ${hoursText(total.minimumMinutes)}`
      : '';
  return h(
    'div',
    { class: `total ${level}`, 'data-client': total.client },
    h('div', { class: 'total-head' }, h('b', {}, total.client), h('span', { class: 'num' }, `−${hoursText(total.deductMinutes)}`)),
    h('div', { class: 'secondary' }, `${count(total.entries, 'entry', 'entries')}: ${hoursText(total.rawMinutes)} logged${rounded}`),
    h('div', { class: 'num' }, 'Balance ', `${formatHours(total.beforeMinutes)} h`, ' → ', h('b', {}, `${formatHours(total.afterMinutes)} h`)),
    flag ? h('div', { class: 'flag' }, flag) : null,
    nudgeByName(total.client, total.negative, els.message),
  );
}

/** Totals and button labels follow the chosen entries (or all listed ones). */
function showSelection(d: SidebarData): void {
  const listed = d.entries;
  const open = d.filter.status === 'open';
  const picked = listed.filter((e) => chosen.has(e.entryId));
  const all = els.chooseAll();
  all.checked = listed.length > 0 && picked.length === listed.length;
  all.indeterminate = picked.length > 0 && picked.length < listed.length;
  all.disabled = listed.length === 0;
  els.listCount().textContent = picked.length
    ? `${picked.length} of ${count(listed.length, 'entry', 'entries')} chosen`
    : `${count(listed.length, open ? 'open entry' : 'authorized entry', open ? 'open entries' : 'authorized entries')}`;

  const totals = !open ? [] : picked.length ? chosenTotals(listed, chosen, d.clients) : d.totals;
  fill(
    els.totals(),
    totals.length ? h('h2', {}, picked.length ? 'Chosen entries would deduct' : 'Authorizing these would deduct') : null,
    ...totals.map(totalCard),
  );
  const n = picked.length || listed.length;
  els.authorize().textContent = picked.length
    ? `Authorize ${count(n, 'chosen entry', 'chosen entries')}`
    : `Authorize ${n === 1 ? 'this entry' : `all ${n} entries`}`;
  els.reverse().textContent = picked.length ? `Reverse ${count(picked.length, 'entry', 'entries')}` : 'Reverse';
  const skipping = (picked.length ? picked : listed).filter((e) => e.problem).length;
  const note = byId('skip-note');
  note.hidden = !open || skipping === 0;
  note.textContent = `${count(skipping, 'entry', 'entries')} will be skipped, for the reasons shown in red; the others go through.`;
}

function render(d: SidebarData): void {
  showFilter(d);
  const open = d.filter.status === 'open';
  for (const id of [...chosen]) if (!d.entries.some((e) => e.entryId === id)) chosen.delete(id);
  if (d.notice) say(els.message(), 'notice', d.notice);
  fill(
    els.list(),
    ...(d.entries.length
      ? d.entries.map((e, i) => entryItem(e, i, open))
      : [h('li', { class: 'empty' }, open ? 'No open entries match these filters.' : 'No authorized entries match these filters.')]),
  );
  els.authorizeForm().hidden = !d.canAuthorize || !open || d.entries.length === 0;
  els.reverseForm().hidden = !d.canAuthorize || open || d.entries.length === 0;
  const whoCan = els.whoCan();
  whoCan.hidden = d.canAuthorize;
  whoCan.textContent = d.canAuthorize ? '' : `You can see the entries and totals. ${authorizersOnly(d, 'authorize or reverse them')}`;
  showSelection(d);
}

function resultBlock(result: LedgerResult, verb: string): HTMLElement {
  const block = h('div', { class: `message ${result.skipped.length ? 'notice' : 'success'}` }, result.summary);
  if (result.done.length) {
    block.append(
      h('h3', {}, verb),
      h(
        'ul',
        { class: 'done' },
        ...result.done.map((d) =>
          h(
            'li',
            { 'data-entry': d.entryId },
            h('span', { class: 'what' }, `${d.entryId} · ${d.client}`),
            h('span', { class: 'num nowrap' }, hoursText(Math.abs(d.minutes))),
          ),
        ),
      ),
    );
  }
  if (result.skipped.length) {
    block.append(
      h('h3', {}, 'Skipped'),
      h(
        'ul',
        { class: 'skipped' },
        ...result.skipped.map((s) => h('li', { 'data-entry': s.entryId }, h('b', {}, s.entryId || '(no Entry ID)'), `: ${s.message}`)),
      ),
    );
  }
  return block;
}

async function authorize(): Promise<void> {
  const d = data();
  if (!d) return;
  const ids = chosen.size ? [...chosen] : d.entries.map((e) => e.entryId);
  const result = await act(els.authorize(), els.message(), async () => {
    const answer = await call('authorizeEntries', ids);
    chosen.clear();
    await reload();
    return answer;
  });
  if (result) {
    say(els.message(), 'notice', '');
    fill(els.result(), resultBlock(result, 'Authorized'));
  }
}

async function reverse(): Promise<void> {
  const form = els.reverseForm();
  clearFieldErrors(form);
  const reason = value(form, 'reason').trim();
  if (chosen.size === 0) {
    say(els.message(), 'notice', 'Tick the entries to reverse in the list first.');
    return;
  }
  if (!reason) {
    fieldError(form, 'reason', "Give a reason; it appears in the client's prepaid log.");
    (form.elements.namedItem('reason') as HTMLInputElement).focus();
    return;
  }
  const ids = [...chosen];
  const result = await act(els.reverse(), els.message(), async () => {
    const answer = await call('reverseEntries', ids, reason);
    chosen.clear();
    await reload();
    return answer;
  });
  if (result) {
    form.reset();
    say(els.message(), 'notice', '');
    fill(els.result(), resultBlock(result, 'Reversed'));
  }
}

export function initAuthorizePanel(): void {
  const filter = els.filter();
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilter();
  });
  // A date field fires change once it holds a whole date; overlapping loads draw only the latest answer.
  filter.addEventListener('change', applyFilter);
  byId('clear-filters').addEventListener('click', () => {
    filter.reset();
    applyFilter();
  });
  els.list().addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const id = box.dataset.entry;
    if (id === undefined) return;
    if (box.checked) chosen.add(id);
    else chosen.delete(id);
    const d = data();
    if (d) showSelection(d);
  });
  els.chooseAll().addEventListener('change', () => {
    const d = data();
    if (!d) return;
    chosen.clear();
    if (els.chooseAll().checked) d.entries.forEach((e) => chosen.add(e.entryId));
    els
      .list()
      .querySelectorAll<HTMLInputElement>('input[data-entry]')
      .forEach((box) => (box.checked = chosen.has(box.dataset.entry as string)));
    showSelection(d);
  });
  els.authorizeForm().addEventListener('submit', (event) => {
    event.preventDefault();
    void authorize();
  });
  els.reverseForm().addEventListener('submit', (event) => {
    event.preventDefault();
    void reverse();
  });
  onData(render);
}
