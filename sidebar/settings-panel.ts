/**
 * The Settings panel's form: the authorizers, the people's names, the rounding rule and
 * the invoice settings. Every user can read them; only authorizers can change them (the
 * server refuses anyone else, and a change that would leave no authorizer). The panel's
 * Invoicing and Ledger sections above the form are invoicing-section.ts and
 * ledger-check.ts; the Archive section below it is archive-section.ts.
 */
import { byId, value } from './dom';
import { act, say } from './feedback';
import { call } from './server';
import { authorizersOnly, onData, reload, type SidebarData } from './state';

type Settings = SidebarData['settings'];

const TEXT_KEYS = ['invoicePattern', 'invoiceTemplateId', 'invoiceFolderId', 'creditOn'] as const;
const FLAG_KEYS = ['emailInvoices', 'invoiceAfterAuthorization'] as const;

const form = () => byId<HTMLFormElement>('settings-form');
const message = () => byId('settings-message');
const input = (name: string) => form().elements.namedItem(name) as HTMLInputElement;

/** People as the textarea shows them: `email = name`, one a line. */
function peopleText(people: Settings['people']): string {
  return Object.entries(people)
    .map(([email, name]) => `${email} = ${name}`)
    .join('\n');
}

/** The textarea's lines as email -> name; a line without "=" becomes an email with no name, which the server refuses in words. */
function peopleFrom(text: string): Settings['people'] {
  const lines = text.split('\n').filter((line) => line.trim());
  return Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line.trim(), ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/** The form's values as a settings change (the server validates them). */
function change(): Partial<Settings> {
  const f = form();
  const settings: Partial<Settings> = {
    authorizers: value(f, 'authorizers')
      .split(/[\s,;]+/)
      .filter(Boolean),
    people: peopleFrom(value(f, 'people')),
    roundingMinutes: Number(value(f, 'roundingMinutes')) as Settings['roundingMinutes'],
    invoicePattern: value(f, 'invoicePattern'),
    invoiceTemplateId: value(f, 'invoiceTemplateId'),
    invoiceFolderId: value(f, 'invoiceFolderId'),
    creditOn: value(f, 'creditOn') as Settings['creditOn'],
  };
  for (const key of FLAG_KEYS) settings[key] = input(key).checked;
  return settings;
}

function show(settings: Settings): void {
  input('authorizers').value = settings.authorizers.join('\n');
  input('people').value = peopleText(settings.people);
  input('roundingMinutes').value = String(settings.roundingMinutes);
  for (const key of TEXT_KEYS) input(key).value = settings[key];
  for (const key of FLAG_KEYS) input(key).checked = settings[key];
}

let shown = '';

function render(d: SidebarData): void {
  // Redraw only when the stored settings changed, so a half-edited form survives a reload of the entries.
  const json = JSON.stringify(d.settings);
  if (json !== shown) show(d.settings);
  shown = json;
  byId<HTMLFieldSetElement>('settings-fields').disabled = !d.canAuthorize;
  const whoCan = byId('settings-who-can');
  whoCan.hidden = d.canAuthorize;
  whoCan.textContent = d.canAuthorize ? '' : authorizersOnly(d, 'change the settings');
}

export function initSettingsPanel(): void {
  form().addEventListener('submit', async (event) => {
    event.preventDefault();
    const settings = change();
    const saved = await act(byId<HTMLButtonElement>('save-settings'), message(), async () => {
      const answer = await call('saveSettings', settings);
      await reload();
      return answer;
    });
    if (saved) {
      show(saved);
      say(message(), 'success', saved.summary);
    }
  });
  onData(render);
}
