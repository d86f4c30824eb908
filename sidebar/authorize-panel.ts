/**
 * The Authorize panel: the filtered list of entries, per-client totals of what
 * authorizing would deduct, and the Authorize and Reverse actions with their results.
 * A flagged entry (over 12 h, a long day, dated after today) shows why, with an
 * "Authorize anyway" box; the server deducts it only when the call confirms it.
 * Authorizers see the actions; everyone else sees the list, the totals and who can act.
 * The server checks the permission again on every call.
 */
import { byId, clearFieldErrors, fieldError, fill, h, setOptions, value } from './dom';
import { act, enable, say } from './feedback';
import { count, formatHours, hoursText } from './format';
import { nudgeByName } from './invoice-nudge';
import { call, type ServerResult } from './server';
import { authorizersOnly, data, onData, reload, type Entry, type Filter, type SidebarData } from './state';
import { chosenTotals, goesThrough, previewCounts, type Total } from './totals';

type LedgerResult = ServerResult<'authorizeEntries'>;
type DoneItem = LedgerResult['done'][number];
type SkippedItem = LedgerResult['skipped'][number];

/** Entry IDs ticked in the list; empty means "all listed". */
const chosen = new Set<string>();
/** Entry IDs of flagged entries the authorizer ticked "Authorize anyway" for. */
const confirmed = new Set<string>();

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

/** The one line under an entry saying where it is: date, person, row. */
function whereLine(item: { date: string; person: string; row: number | null }): string {
  return [item.date || 'no date', item.person || 'nobody', item.row === null ? '' : `row ${item.row}`].filter(Boolean).join(' · ');
}

function entryHours(entry: Entry, open: boolean): string {
  if (entry.minutes === null) return entry.hours || 'no hours';
  if (open && entry.deductMinutes !== null && entry.deductMinutes !== entry.minutes) return `${entry.hours} → ${hoursText(entry.deductMinutes)}`;
  return hoursText(open ? entry.minutes : (entry.deductMinutes ?? entry.minutes));
}

function entryClass(entry: Entry, open: boolean): string {
  return `entry${open && !goesThrough(entry, confirmed) ? ' skip' : ''}${entry.flags.length ? ' flagged' : ''}`;
}

/** A flagged entry's warning, and for authorizers the box that lets it through. */
function flagBlock(entry: Entry, canAuthorize: boolean): HTMLElement {
  const what = entry.flags.map((f) => f.message).join(' ');
  return h(
    'div',
    { class: 'flag-note' },
    h('div', {}, `Check this entry: ${what}`),
    canAuthorize
      ? h(
          'label',
          { class: 'check confirm' },
          h('input', { type: 'checkbox', 'data-confirm': entry.entryId, checked: confirmed.has(entry.entryId) }),
          ' Authorize anyway',
        )
      : null,
  );
}

function entryItem(entry: Entry, index: number, open: boolean, canAuthorize: boolean): HTMLLIElement {
  const id = `pick-${index}`;
  return h(
    'li',
    { class: entryClass(entry, open), 'data-row': entry.row },
    h('input', { type: 'checkbox', id, value: entry.entryId, checked: chosen.has(entry.entryId), 'data-entry': entry.entryId }),
    h(
      'div',
      { class: 'entry-body' },
      h(
        'label',
        { for: id, class: 'entry-main' },
        h(
          'div',
          { class: 'entry-top' },
          h('span', { class: 'client' }, entry.client || '(no client)'),
          h('span', { class: 'hours num' }, entryHours(entry, open)),
        ),
        h('div', { class: 'secondary' }, whereLine(entry)),
        entry.description ? h('div', { class: 'desc' }, entry.description) : null,
        !open && entry.authorizedBy ? h('div', { class: 'secondary' }, `Authorized by ${entry.authorizedBy} ${entry.authorizedAt.slice(0, 10)}`) : null,
        entry.problem ? h('div', { class: 'problem' }, `Will be skipped: ${entry.problem}`) : null,
      ),
      open && entry.flags.length ? flagBlock(entry, canAuthorize) : null,
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

/** "Authorize all 3 entries", "Authorize 2 of 3 chosen entries": how many will go through. */
function authorizeLabel(through: number, of: number, picked: boolean): string {
  if (through < of) return `Authorize ${through} of ${count(of, picked ? 'chosen entry' : 'entry', picked ? 'chosen entries' : 'entries')}`;
  if (picked) return `Authorize ${count(through, 'chosen entry', 'chosen entries')}`;
  return `Authorize ${through === 1 ? 'this entry' : `all ${through} entries`}`;
}

function skipNote(skipping: number, through: number, toConfirm: number): string {
  const reasons = through
    ? `${count(skipping, 'entry', 'entries')} will be skipped, for the reasons shown in red; the others go through.`
    : `${skipping === 1 ? 'It' : `All ${skipping}`} will be skipped, for the reasons shown in red, so there is nothing to authorize.`;
  return toConfirm ? `${reasons} Tick Authorize anyway on a flagged entry if it is right.` : reasons;
}

/** Totals, counts and button labels follow the chosen entries (or all listed ones) and the confirmed flags. */
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

  const scope = picked.length ? picked : listed;
  const confirming = scope.some((e) => e.flags.length && confirmed.has(e.entryId));
  const through = scope.filter((e) => goesThrough(e, confirmed));
  const totals = !open ? [] : picked.length || confirming ? chosenTotals(through, new Set(through.map((e) => e.entryId)), d.clients) : d.totals;
  fill(
    els.totals(),
    totals.length ? h('h2', {}, picked.length ? 'Chosen entries would deduct' : 'Authorizing these would deduct') : null,
    ...totals.map(totalCard),
  );
  const counts = previewCounts(scope, confirmed);
  els.authorize().textContent = authorizeLabel(counts.authorized, scope.length, picked.length > 0);
  enable(els.authorize(), counts.authorized > 0);
  els.reverse().textContent = picked.length ? `Reverse ${count(picked.length, 'entry', 'entries')}` : 'Reverse';
  const note = byId('skip-note');
  note.hidden = !open || counts.skipped === 0;
  note.textContent = skipNote(counts.skipped, counts.authorized, counts.toConfirm);
}

function render(d: SidebarData): void {
  showFilter(d);
  const open = d.filter.status === 'open';
  for (const set of [chosen, confirmed]) for (const id of [...set]) if (!d.entries.some((e) => e.entryId === id)) set.delete(id);
  if (d.notice) say(els.message(), 'notice', d.notice);
  fill(
    els.list(),
    ...(d.entries.length
      ? d.entries.map((e, i) => entryItem(e, i, open, d.canAuthorize))
      : [h('li', { class: 'empty' }, open ? 'No open entries match these filters.' : 'No authorized entries match these filters.')]),
  );
  els.authorizeForm().hidden = !d.canAuthorize || !open || d.entries.length === 0;
  els.reverseForm().hidden = !d.canAuthorize || open || d.entries.length === 0;
  const whoCan = els.whoCan();
  whoCan.hidden = d.canAuthorize;
  whoCan.textContent = d.canAuthorize ? '' : `You can see the entries and totals. ${authorizersOnly(d, 'authorize or reverse them')}`;
  showSelection(d);
}

/** One entry of a result: client and hours, then date, person and row, the description, and the Entry ID. */
function resultItem(item: DoneItem | SkippedItem, hours: string, reason: string): HTMLLIElement {
  return h(
    'li',
    { 'data-entry': item.entryId },
    h('div', { class: 'entry-top' }, h('span', { class: 'client' }, item.client || '(no client)'), h('span', { class: 'num nowrap' }, hours)),
    h('div', { class: 'secondary' }, `${whereLine(item)} · `, h('span', { class: 'nowrap' }, item.entryId || 'no Entry ID')),
    item.description ? h('div', { class: 'desc' }, item.description) : null,
    reason ? h('div', { class: 'problem' }, reason) : null,
  );
}

function doneHours(d: DoneItem): string {
  const minutes = Math.abs(d.minutes);
  return d.rawMinutes !== undefined && d.rawMinutes !== minutes ? `${formatHours(d.rawMinutes)} → ${hoursText(minutes)}` : hoursText(minutes);
}

function resultBlock(result: LedgerResult, verb: string): HTMLElement {
  const block = h('div', { class: `message ${result.skipped.length ? 'notice' : 'success'}` }, result.summary);
  if (result.done.length) {
    block.append(h('h3', {}, verb), h('ul', { class: 'done' }, ...result.done.map((d) => resultItem(d, doneHours(d), ''))));
  }
  if (result.skipped.length) {
    const hours = (s: SkippedItem) => (s.hours && /^\d+\.\d\d$/.test(s.hours) ? `${s.hours} h` : s.hours);
    block.append(h('h3', {}, 'Skipped'), h('ul', { class: 'skipped' }, ...result.skipped.map((s) => resultItem(s, hours(s), s.message))));
  }
  return block;
}

async function authorize(): Promise<void> {
  const d = data();
  if (!d) return;
  const ids = chosen.size ? [...chosen] : d.entries.map((e) => e.entryId);
  const result = await act(els.authorize(), els.message(), async () => {
    const answer = await call('authorizeEntries', ids, { confirmed: ids.filter((id) => confirmed.has(id)) });
    chosen.clear();
    confirmed.clear();
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
    const id = box.dataset.entry ?? box.dataset.confirm;
    const d = data();
    if (id === undefined || !d) return;
    const set = box.dataset.entry === undefined ? confirmed : chosen;
    if (box.checked) set.add(id);
    else set.delete(id);
    // Rows sharing an Entry ID (a duplicate) follow the one ticked; a confirmed entry is no longer struck through.
    els
      .list()
      .querySelectorAll<HTMLInputElement>('input[data-entry]')
      .forEach((b) => {
        b.checked = chosen.has(b.value);
        const entry = d.entries.find((e) => e.row === Number(b.closest('li')?.dataset.row));
        if (entry) (b.closest('li') as HTMLLIElement).className = entryClass(entry, d.filter.status === 'open');
      });
    showSelection(d);
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
