/**
 * Feedback around server calls. An action runs one at a time: while it is out, the
 * clicked button shows a spinner, every other button is disabled and a bar runs at the
 * top, so a second click cannot send it twice. A failure is shown in words in the
 * panel's message area and the panel stays usable. A panel shows one current message:
 * as an action starts, what its panel said before (a banner, a field's error) is cleared.
 */
import { append, clearFieldErrors, fill, h } from './dom';

type Kind = 'notice' | 'error' | 'success';

let acting = false;
let loads = 0;

function progress(): void {
  const bar = document.getElementById('progress');
  if (bar) bar.hidden = !acting && loads === 0;
  document.body.setAttribute('aria-busy', String(acting || loads > 0));
}

const staleListeners: (() => void)[] = [];

/** Registers a listener told when a panel's messages go stale, for a section that keeps one across redraws. */
export function onStale(listener: () => void): void {
  staleListeners.push(listener);
}

/**
 * Clears what the panel holding `el` said before: every message area and field error in
 * it. Called as an action starts, and before a form shows the errors it found itself.
 */
export function clearPanel(el: Element): void {
  const panel = el.closest('[role="tabpanel"]');
  if (!panel) return;
  for (const area of panel.querySelectorAll<HTMLElement>('.message[role]')) say(area, 'notice', '');
  for (const form of panel.querySelectorAll('form')) clearFieldErrors(form);
  for (const listener of staleListeners) listener();
}

/** Shows a message (text, or text and a list) in a message area; empty text clears it. */
export function say(area: HTMLElement, kind: Kind, text: string, items: readonly (string | Node)[] = []): void {
  area.className = `message ${kind}`;
  fill(area);
  if (!text && items.length === 0) return;
  append(area, text);
  if (items.length) append(area, h('ul', {}, ...items.map((item) => h('li', {}, item))));
}

/**
 * Runs an action started by `button`. Returns the result, or undefined when another
 * action was already running or this one failed (the failure is shown in `area`).
 */
export async function act<T>(button: HTMLButtonElement, area: HTMLElement, work: () => Promise<T>): Promise<T | undefined> {
  if (acting) return undefined;
  acting = true;
  // Buttons a panel enables through `enable` are restored to what it last asked for.
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button:not([role="tab"])')].filter((b) => !b.disabled || b.dataset.blocked);
  buttons.forEach((b) => (b.disabled = true));
  button.classList.add('busy');
  button.setAttribute('aria-busy', 'true');
  progress();
  clearPanel(button);
  try {
    return await work();
  } catch (error) {
    say(area, 'error', (error as Error).message);
    return undefined;
  } finally {
    acting = false;
    buttons.forEach((b) => (b.disabled = b.dataset.blocked === 'true'));
    button.classList.remove('busy');
    button.removeAttribute('aria-busy');
    progress();
  }
}

/** Enables or disables a button for what its panel shows; while an action runs it stays disabled, and ends as asked. */
export function enable(button: HTMLButtonElement, on: boolean): void {
  button.dataset.blocked = String(!on);
  if (!acting) button.disabled = !on;
}

/** Runs a read (no button involved): the bar shows while it is out. */
export async function loading<T>(work: () => Promise<T>): Promise<T> {
  loads += 1;
  progress();
  try {
    return await work();
  } finally {
    loads -= 1;
    progress();
  }
}
