/**
 * The Archive section of the Settings panel (authorizers only): pick the first day to
 * keep, see what would move (`previewArchive` writes nothing: log rows and entries per
 * yearly archive, and the balance each client carries forward), then confirm, which
 * calls `archiveBefore`. Changing the date takes the confirmation away until the new
 * date is previewed.
 */
import { byId, clearFieldErrors, fieldError, fill, h, value } from './dom';
import { act, say } from './feedback';
import { count, hoursText } from './format';
import { call } from './server';
import { onData, reload } from './state';

const message = () => byId('archive-message');
const form = () => byId<HTMLFormElement>('archive-form');
const confirmButton = () => byId<HTMLButtonElement>('archive-confirm');

/** The date last previewed, which the confirmation archives; '' when there is nothing to confirm. */
let previewed = '';

function forget(): void {
  previewed = '';
  confirmButton().hidden = true;
  byId('archive-preview').hidden = true;
}

async function preview(): Promise<void> {
  forget();
  clearFieldErrors(form());
  const date = value(form(), 'date');
  if (!date) return fieldError(form(), 'date', 'Pick the first day to keep; everything authorized before it moves.');
  const answer = await act(byId<HTMLButtonElement>('preview-archive'), message(), () => call('previewArchive', date));
  if (!answer) return;
  const area = byId('archive-preview');
  fill(
    area,
    answer.summary,
    answer.years.length
      ? h(
          'ul',
          {},
          ...answer.years.map((y) =>
            h('li', { 'data-year': y.year }, `${y.year}: ${count(y.logRows, 'log row', 'log rows')}, ${count(y.entries, 'entry', 'entries')}`),
          ),
        )
      : null,
    answer.carried.length
      ? h('ul', { class: 'carried' }, ...answer.carried.map((c) => h('li', { 'data-client': c.client }, `${c.client} carries ${hoursText(c.minutes)} forward`)))
      : null,
  );
  area.hidden = false;
  if (answer.logRows === 0) return;
  previewed = date;
  const button = confirmButton();
  button.textContent = `Archive ${count(answer.logRows, 'log row', 'log rows')} and ${count(answer.entries, 'entry', 'entries')}`;
  button.hidden = false;
}

async function archive(): Promise<void> {
  const date = previewed;
  if (!date) return;
  const result = await act(confirmButton(), message(), async () => {
    const answer = await call('archiveBefore', date);
    await reload();
    return answer;
  });
  if (!result) return;
  forget();
  say(message(), 'success', result.summary);
}

export function initArchiveSection(): void {
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    void preview();
  });
  byId('archive-date').addEventListener('input', forget);
  confirmButton().addEventListener('click', () => void archive());
  onData((d) => {
    byId('archive-section').hidden = !d.canAuthorize;
  });
}
