/**
 * The sidebar in a real browser: Chromium (as the browser tests find it) showing the built sidebar through the
 * same bridge as `npm run sidebar` and the browser tests.
 * §4 Markup injection through every panel: each string of the HTML corpus is a client
 * name, a person, a description, a top-up note, a reversal reason, a timer's description,
 * part of the invoice numbers and a bad value typed into a form, so it reaches lists,
 * totals, results, skip reasons, error messages, client cards, the timer, settings and the
 * non-authorizer's view. Each string holds when it never ran or made an element, and was
 * shown as the same text.
 * §5 The sidebar shows checkLedger's result: a log row edited by hand is named there.
 */
import type { Page } from 'playwright-core';
import type { Addon } from '../addon';
import { addClients, addEntries, addonWithSheets, EDITOR } from '../workbook';
import { launchChromium, openSidebar, type SidebarPage } from '../chromium';
import { describeError, verdict, type CaseResult } from './cases';
import { HTML_CORPUS } from './injection-corpus';

const typed = (text: string) => `'${text}`;

/** Every hostile string in every place the sidebar shows workbook text. */
function hostileSidebarWorkbook(): Addon {
  const addon = addonWithSheets();
  addon.server.saveSettings({ invoicePattern: `${HTML_CORPUS[0]}-{0000}`, invoiceAfterAuthorization: false });
  addClients(
    addon,
    HTML_CORPUS.map((name, i) => ({
      Client: typed(name),
      'Billing email': 'ap@client.test',
      'Minimum balance (h)': 5,
      'Top-up (h)': 10,
      'Auto-invoice': i === 0,
    })),
  );
  HTML_CORPUS.forEach((name) => addon.server.addCredits(name, 6, name));
  addEntries(addon, [
    ...HTML_CORPUS.map((text, i) => ({ 'Entry ID': `E-${i}`, Client: typed(text), Person: typed(text), Description: typed(text), Hours: 1 })),
    ...HTML_CORPUS.map((text, i) => ({ 'Entry ID': `E-OPEN-${i}`, Client: typed(text), Person: typed(text), Description: typed(text), Hours: 0.5 })),
    { 'Entry ID': 'E-UNKNOWN', Client: typed(`${HTML_CORPUS[1]} (not in Credits)`), Person: 'Ann', Description: 'Unknown client', Hours: 1 },
  ]);
  addon.server.authorizeEntries(HTML_CORPUS.map((_, i) => `E-${i}`));
  addon.server.reverseEntries(['E-0'], HTML_CORPUS[2]);
  addon.server.runAutomaticInvoicing();
  addon.server.startTimer(HTML_CORPUS[3], HTML_CORPUS[4]);
  return addon;
}

/** Edits the Hours of the first log row by hand; returns its Log ID, which checkLedger must name. */
function editFirstLogRow(addon: Addon): string {
  const log = addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
  const headers = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
  log.getRange(2, headers.indexOf('Hours') + 1).setValue(7);
  return String(log.getRange(2, headers.indexOf('Log ID') + 1).getValue());
}

interface Seen {
  pwned: unknown;
  injected: number;
  text: string;
}

async function look(page: Page): Promise<Seen> {
  await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    // Every payload that could make an element carries data-pwn.
    injected: document.querySelectorAll('[data-pwn]').length,
    text: document.body.innerText,
  }));
}

/** Visits every panel as the authorizer, acting where results and errors are shown; returns what each step showed. */
async function authorizerTour(sidebar: SidebarPage, ledger: string[]): Promise<Seen[]> {
  const { page } = sidebar;
  const seen: Seen[] = [await look(page)];
  await page.selectOption('#f-client', HTML_CORPUS[5]);
  seen.push(await look(page));
  await page.selectOption('#f-client', '');
  await page.selectOption('#f-person', HTML_CORPUS[6]);
  seen.push(await look(page));
  await page.selectOption('#f-person', '');
  await look(page);
  await page.click('#authorize');
  seen.push(await look(page));
  await page.selectOption('#f-status', 'authorized');
  seen.push(await look(page));
  await page.click('#tab-credits');
  for (const card of await page.locator('details[data-client] summary').all()) await card.click();
  seen.push(await look(page));
  await page.selectOption('#adjust-client', { index: 1 });
  await page.fill('#adjust-hours', HTML_CORPUS[7]);
  await page.fill('#adjust-reason', HTML_CORPUS[7]);
  await page.click('#adjust');
  seen.push(await look(page));
  await page.click('#tab-track');
  seen.push(await look(page));
  await page.click('#stop-timer');
  seen.push(await look(page));
  await page.fill('#log-hours', HTML_CORPUS[1]);
  await page.fill('#log-description', HTML_CORPUS[1]);
  await page.click('#log-time');
  seen.push(await look(page));
  await page.click('#tab-settings');
  seen.push(await look(page));
  await page.click('#check-ledger');
  seen.push(await look(page));
  ledger.push(await page.locator('#ledger-result').innerText());
  return seen;
}

/** What someone who is not an authorizer sees: the entries, totals and who can authorize. */
async function editorTour(sidebar: SidebarPage, _ledger: string[]): Promise<Seen[]> {
  const seen = [await look(sidebar.page)];
  for (const tab of ['#tab-credits', '#tab-track', '#tab-settings']) {
    await sidebar.page.click(tab);
    seen.push(await look(sidebar.page));
  }
  return seen;
}

/** One injection case per string of the HTML corpus, and the ledger check's. Needs a Chromium (test/browser/find-chromium.ts). */
export async function sidebarCases(): Promise<CaseResult[]> {
  const addon = hostileSidebarWorkbook();
  const tampered = editFirstLogRow(addon);
  const browser = await launchChromium();
  const seen: Seen[] = [];
  const ledger: string[] = [];
  const errors: string[] = [];
  try {
    for (const [user, tour] of [
      [undefined, authorizerTour],
      [EDITOR, editorTour],
    ] as const) {
      const sidebar = await openSidebar(browser, addon, user ? { user } : {});
      try {
        seen.push(...(await tour(sidebar, ledger)));
        errors.push(...sidebar.errors);
      } catch (error) {
        errors.push(`the tour as ${user ?? 'the authorizer'} failed: ${describeError(error)}`);
      } finally {
        await sidebar.close();
      }
    }
  } finally {
    await browser.close();
  }
  const ran = seen.filter((s) => s.pwned !== undefined).length;
  const made = Math.max(0, ...seen.map((s) => s.injected));
  const injection = HTML_CORPUS.map((text) => {
    const broken = [...errors];
    if (ran) broken.push(`injected script ran in ${ran} of ${seen.length} views`);
    if (made) broken.push(`${made} injected elements were created`);
    if (!seen.some((s) => s.text.includes(text))) broken.push('it was never shown as text');
    return verdict('injection', 'sidebar markup', `markup ${JSON.stringify(text)} shows as text in every sidebar panel`, broken);
  });
  const shown = ledger.join(' ');
  const ledgerCase = verdict(
    'tamper',
    'sidebar',
    'the sidebar shows checkLedger naming a log row edited by hand',
    shown.includes(tampered) ? [] : [`the ledger check showed: ${shown || '(nothing)'}`],
  );
  return [...injection, ledgerCase];
}
