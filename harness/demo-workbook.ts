/**
 * The demo agency's data: four clients, four people and two months of time entries
 * (autumn 2026), some typed as 1:30, some as decimals, and a handful of rows a real
 * workbook would have wrong. Deterministic, so every run tells the same story.
 */
import type { ClientSpec, EntrySpec } from './workbook';

export const AUTHORIZER = 'owner@agency.test';
export const PROJECT_MANAGER = 'pm@agency.test';
export const EDITOR = 'ben@agency.test';

export const CLIENTS: (ClientSpec & { initialHours: number })[] = [
  {
    Client: 'Acme NV',
    Type: 'Company',
    'Billing email': 'finance@acme.example',
    'Hourly rate': 95,
    Currency: 'EUR',
    'Minimum balance (h)': 10,
    'Top-up (h)': 40,
    'Auto-invoice': true,
    initialHours: 40,
  },
  {
    Client: 'Brightside BV',
    Type: 'Company',
    'Billing email': 'ap@brightside.example',
    'Hourly rate': 85,
    Currency: 'EUR',
    'Minimum balance (h)': 5,
    'Top-up (h)': 20,
    'Auto-invoice': true,
    'Rounding (min)': 15,
    initialHours: 20,
  },
  {
    Client: 'Studio Noor',
    Type: 'Contact',
    'Billing email': 'noor@studionoor.example',
    'Hourly rate': 70,
    Currency: 'EUR',
    'Minimum balance (h)': 3,
    'Top-up (h)': 10,
    'Auto-invoice': false,
    initialHours: 12,
  },
  {
    Client: 'Northwind Ltd',
    Type: 'Company',
    'Billing email': 'invoices@northwind.example',
    'Hourly rate': 120,
    Currency: 'GBP',
    'Minimum balance (h)': 8,
    'Top-up (h)': 30,
    'Auto-invoice': true,
    initialHours: 30,
  },
];

const PEOPLE = ['Ann Peeters', 'Ben Claes', 'Chloé Martin', 'Dries Wouters'];
/** Settings' People: the sidebar's users by the names Time entries use (the owner is Ann, the project manager Chloé). */
export const PEOPLE_BY_EMAIL: Record<string, string> = {
  [AUTHORIZER]: 'Ann Peeters',
  [PROJECT_MANAGER]: 'Chloé Martin',
  [EDITOR]: 'Ben Claes',
};
const HOURS: unknown[] = ['1:30', 2, 0.75, '45m', '1h15', 3, 1.5, '0:20', 2.25, '1:05', 0.5, '2h'];
/** What the demo's people worked on. Hostile text belongs in the tests (harness/trust/injection-corpus.ts), not in what a new user reads. */
const TASKS = [
  'Design review',
  'Sprint planning',
  'Bug fixing',
  'Copywriting',
  'Client call',
  'Analytics report',
  'Landing page build',
  'QA pass',
  'Newsletter template',
];

/** Weekdays from `from` to `to` (inclusive), as yyyy-mm-dd strings typed into the Date column. */
function weekdays(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The demo workbook's time zone: the demo prints every date and time in it, as the workbook shows them. */
export const TIME_ZONE = 'Europe/Brussels';

export const START = new Date(Date.UTC(2026, 8, 1, 8));
export const END = new Date(Date.UTC(2026, 9, 30, 18));

/** Entries per ISO week (Monday's date), three per weekday, cycling clients, people, hours and tasks. */
export function entriesByWeek(): Map<string, EntrySpec[]> {
  const weeks = new Map<string, EntrySpec[]>();
  let n = 0;
  for (const day of weekdays(START, END)) {
    const date = new Date(`${day}T00:00:00Z`);
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    const list = weeks.get(monday) ?? [];
    for (let k = 0; k < 3; k++, n++) {
      list.push({
        Date: day,
        Client: CLIENTS[(n * 7 + k) % CLIENTS.length].Client,
        Person: PEOPLE[(n + k) % PEOPLE.length],
        Description: TASKS[(n * 5) % TASKS.length],
        Hours: HOURS[(n * 11) % HOURS.length],
      });
    }
    weeks.set(monday, list);
  }
  return weeks;
}

/** Rows that a real workbook gets wrong; the add-on must skip each with a reason. */
export const INVALID_ENTRIES: EntrySpec[] = [
  { Date: '2026-09-16', Client: 'Acme NV', Person: 'Ben Claes', Description: 'Typo in hours', Hours: 'two hours' },
  { Date: '2026-09-16', Client: 'Acme NV', Person: 'Ann Peeters', Description: 'Negative hours', Hours: -1 },
  { Date: '2026-09-17', Client: 'Globex', Person: 'Dries Wouters', Description: 'Client not in Credits', Hours: 1 },
  { Date: '2026-09-17', Client: 'Studio Noor', Person: 'Chloé Martin', Description: 'Hours left empty', Hours: '' },
  { 'Entry ID': 'E-DUPLICATE', Date: '2026-09-18', Client: 'Brightside BV', Person: 'Ann Peeters', Description: 'Copied row', Hours: 1 },
  { 'Entry ID': 'E-DUPLICATE', Date: '2026-09-18', Client: 'Brightside BV', Person: 'Ann Peeters', Description: 'Copied row (copy)', Hours: 1 },
];
