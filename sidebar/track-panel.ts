/**
 * The Track time panel, for everyone who can edit the workbook: a form that logs an
 * entry (each refused field gets its message beside it) and a per-user timer. The timer
 * lives on the server, in the user's properties, so closing or reloading the sidebar
 * does not stop it; the clock shown here only counts on from the server's answer. A
 * timer shorter than the rounding step is not logged until the person says so (log it
 * anyway, discard it, or keep it running). The person is filled in by name.
 */
import { byId, clearFieldErrors, fieldError, setOptions, value } from './dom';
import { act, say } from './feedback';
import { clock } from './format';
import { call } from './server';
import { onData, reload, type SidebarData } from './state';

type Timer = NonNullable<SidebarData['timer']>;

const message = () => byId('track-message');
let ticking: number | undefined;

function showErrors(form: HTMLFormElement, errors: Partial<Record<string, string>>): void {
  for (const [key, reason] of Object.entries(errors)) fieldError(form, key, reason ?? '');
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

function showTimer(timer: Timer | null): void {
  window.clearInterval(ticking);
  byId('timer-running').hidden = !timer;
  byId('timer-form').hidden = !!timer;
  asking(null);
  if (!timer) return;
  byId('timer-what').textContent = `${timer.client} — ${timer.description}`;
  byId('timer-since').textContent = `Started ${timer.started}`;
  // Count from the server's clock: the browser's may differ, so only its progress since the answer counts.
  const answeredAt = Date.now();
  const serverElapsed = Date.parse(timer.now) - Date.parse(timer.startedAt);
  const draw = () => {
    const minutes = (serverElapsed + Date.now() - answeredAt) / 60_000;
    byId('timer-clock').textContent = clock(minutes);
  };
  draw();
  ticking = window.setInterval(draw, 15_000);
}

let lastDefaults = { today: '', user: '' };

function render(d: SidebarData): void {
  const options = [['', 'Choose a client'] as const, ...d.clients.map((c) => [c.name, c.name] as const)];
  setOptions(byId<HTMLSelectElement>('log-client'), options);
  setOptions(byId<HTMLSelectElement>('timer-client'), options);
  // Defaults follow the server (today in the sheet's zone, the signed-in user) unless the person typed something else.
  const date = byId<HTMLInputElement>('log-date');
  if (!date.value || date.value === lastDefaults.today) date.value = d.today;
  const person = byId<HTMLInputElement>('log-person');
  if (!person.value || person.value === lastDefaults.user) person.value = d.userName;
  lastDefaults = { today: d.today, user: d.userName };
  showTimer(d.timer);
}

async function logTime(form: HTMLFormElement): Promise<void> {
  clearFieldErrors(form);
  const entry = {
    date: value(form, 'date'),
    client: value(form, 'client'),
    person: value(form, 'person'),
    description: value(form, 'description'),
    hours: value(form, 'hours'),
  };
  const button = byId<HTMLButtonElement>('log-time');
  const result = await act(button, message(), async () => {
    const answer = await call('logTime', entry);
    if (answer.ok) await reload();
    return answer;
  });
  if (!result) return;
  if (!result.ok) {
    say(message(), 'error', 'The entry was not logged. Correct the fields marked below.');
    return showErrors(form, result.errors);
  }
  say(message(), 'success', result.summary);
  (form.elements.namedItem('description') as HTMLInputElement).value = '';
  (form.elements.namedItem('hours') as HTMLInputElement).value = '';
  (form.elements.namedItem('hours') as HTMLInputElement).focus();
}

async function startTimer(form: HTMLFormElement): Promise<void> {
  clearFieldErrors(form);
  const client = value(form, 'client');
  const description = value(form, 'description');
  const result = await act(byId<HTMLButtonElement>('start-timer'), message(), async () => {
    const answer = await call('startTimer', client, description);
    if (answer.ok) await reload();
    return answer;
  });
  if (!result) return;
  if (!result.ok) {
    say(message(), 'error', 'The timer did not start. Correct the fields marked below.');
    return showErrors(form, result.errors);
  }
  form.reset();
  say(message(), 'success', result.summary);
  byId('stop-timer').focus();
}

/** Shows the question a short timer asks (or hides it, with null); Stop and log is hidden while it is asked. */
function asking(question: string | null): void {
  byId('timer-confirm').hidden = question === null;
  byId('stop-timer').hidden = question !== null;
  byId('timer-confirm-text').textContent = question ?? '';
}

/** Stops the timer: plainly, or with the person's answer to the short-timer question. */
async function stopTimer(button: HTMLButtonElement, options?: { confirm?: boolean; discard?: boolean }): Promise<void> {
  const result = await act(button, message(), async () => {
    const answer = await call('stopTimer', options);
    if (answer.ok) await reload();
    return answer;
  });
  if (!result) return;
  if (!result.ok) {
    asking(result.summary);
    byId('timer-log-anyway').focus();
    return;
  }
  say(message(), result.stopped ? 'success' : 'notice', result.summary);
}

export function initTrackPanel(): void {
  const logForm = byId<HTMLFormElement>('log-form');
  logForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void logTime(logForm);
  });
  const timerForm = byId<HTMLFormElement>('timer-form');
  timerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void startTimer(timerForm);
  });
  byId('stop-timer').addEventListener('click', (event) => void stopTimer(event.currentTarget as HTMLButtonElement));
  byId('timer-log-anyway').addEventListener('click', (event) => void stopTimer(event.currentTarget as HTMLButtonElement, { confirm: true }));
  byId('timer-discard').addEventListener('click', (event) => void stopTimer(event.currentTarget as HTMLButtonElement, { discard: true }));
  byId('timer-keep').addEventListener('click', () => {
    asking(null);
    byId('stop-timer').focus();
  });
  onData(render);
}
