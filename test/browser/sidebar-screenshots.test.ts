/**
 * One screenshot of each panel, on the workbook `npm run demo` leaves (which `npm run sidebar` serves), saved
 * under out/ for the README (docs/sidebar.md). Each is taken in a state worth seeing:
 * an entry flagged for "Authorize anyway" next to a client below zero and not invoiced
 * automatically, a result with skipped entries, a new client with a field refused, the
 * People names and an archive preview, a client's prepaid log exported and shared, a running timer, hourly invoicing on
 * with unpaid invoices, a ledger check that found a hand edit, and the view of someone
 * who is not an authorizer.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Addon } from '../../harness/addon';
import { runDemo } from '../../harness/demo';
import { EDITOR } from '../../harness/demo-workbook';
import { addEntries } from '../../harness/workbook';
import { launchChromium, openSidebar, screenshot, settled, text, type Browser, type ShotArea, type SidebarPage } from '../../harness/chromium';

let browser: Browser;
let addon: Addon;
const open: SidebarPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  ({ addon } = await runDemo({ outDir: mkdtempSync(join(tmpdir(), 'prepaid-time-demo-')), say: () => {} }));
});

afterAll(async () => {
  for (const sidebar of open) await sidebar.close();
  await browser?.close();
});

async function sidebar(user?: string): Promise<SidebarPage> {
  const opened = await openSidebar(browser, addon, { user });
  open.push(opened);
  return opened;
}

async function shoot(page: Page, name: string, area?: ShotArea): Promise<void> {
  const path = await screenshot(page, name, area);
  expect(existsSync(path) && statSync(path).size).toBeGreaterThan(5000);
}

it('saves a screenshot of each panel under out/', async () => {
  // Someone logged a whole launch day in one entry: the preview flags it for an "Authorize anyway".
  addEntries(addon, [{ Date: '2026-10-29', Client: 'Studio Noor', Person: 'Dries Wouters', Hours: 14, Description: 'Launch day on site' }]);
  const { page, errors } = await sidebar();
  await page.selectOption('#f-client', 'Studio Noor');
  await settled(page);
  expect(await page.locator('#totals .total.danger .nudge').count()).toBe(1);
  expect(await page.locator('#entries .flag-note input[data-confirm]').count()).toBe(1);
  expect(await text(page, '#authorize')).toBe('Authorize 3 of 5 entries');
  await shoot(page, 'sidebar-authorize');

  await page.selectOption('#f-client', 'Acme NV');
  await settled(page);
  await page.click('#authorize');
  await settled(page);
  expect(await page.locator('#authorize-result .skipped li').count()).toBe(2);
  await shoot(page, 'sidebar-authorize-result', { maxHeight: 2000 });

  // Northwind Ltd goes further below zero; its top-up invoice is still open.
  await page.selectOption('#f-client', 'Northwind Ltd');
  await settled(page);
  await page.click('#authorize');
  await settled(page);

  // A new client half typed in, its rate refused under the field; Studio Noor's nudge shows on its closed card.
  await page.click('#tab-credits');
  await page.fill('#new-name', 'Harbour & Co');
  await page.fill('#new-email', 'accounts@harbour.example');
  await page.fill('#new-rate', 'ninety');
  await page.fill('#new-minimum', '5');
  await page.fill('#new-top-up', '20');
  await page.click('#add-client-button');
  await settled(page);
  expect(await page.locator('#new-client-form .field-error:not(:empty)').count()).toBe(1);
  expect(await page.locator('details[data-client="Studio Noor"] .nudge').count()).toBe(1);
  await shoot(page, 'sidebar-credits', { maxHeight: 2000 });

  const acme = page.locator('details[data-client="Acme NV"]');
  await acme.locator('summary').click();
  await acme.locator('button.export').click();
  await settled(page);
  await acme.locator('.share-form input').fill('finance@acme.example');
  await acme.locator('.share-form input').press('Enter');
  await settled(page);
  expect(await acme.locator('.client-log a').count()).toBe(1);
  await shoot(page, 'sidebar-client-log', { to: 'details[data-client="Acme NV"]' });
  await acme.locator('summary').click();

  await page.click('#tab-track');
  await page.selectOption('#timer-client', 'Acme NV');
  await page.fill('#timer-description', 'Homepage copy review');
  await page.click('#start-timer');
  await settled(page);
  await shoot(page, 'sidebar-track');

  // Studio Noor is put on Auto-invoice; invoicing (on since the demo) then runs from the Settings panel.
  addon.server.saveClientSettings('Studio Noor', { autoInvoice: true });
  await page.click('#tab-settings');
  expect(await text(page, '#invoicing-toggle')).toBe('Turn off');
  await page.click('#run-invoicing');
  await settled(page);
  await page.click('#check-ledger');
  await settled(page);
  expect(await page.locator('#open-invoices li.invoice').count()).toBe(2);
  await shoot(page, 'sidebar-invoicing', { to: '#ledger-result' });
  // What archiving before October would move: a preview, nothing written yet.
  await page.fill('#archive-date', '2026-10-01');
  await page.click('#preview-archive');
  await settled(page);
  expect(await page.locator('#archive-confirm').isVisible()).toBe(true);
  await shoot(page, 'sidebar-settings', { from: '#settings-title', to: '#archive-confirm', maxHeight: 2000 });
  expect(errors).toEqual([]);

  const editor = await sidebar(EDITOR);
  await editor.page.selectOption('#f-client', 'Studio Noor');
  await settled(editor.page);
  await shoot(editor.page, 'sidebar-non-authorizer');
  expect(editor.errors).toEqual([]);

  // Someone types over an amount in the Prepaid log; the ledger check names the row.
  const log = addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
  const hours = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].indexOf('Hours') + 1;
  log.getRange(3, hours).setValue(25);
  await page.click('#check-ledger');
  await settled(page);
  expect(await page.getAttribute('#ledger-result', 'class')).toBe('message error');
  await shoot(page, 'sidebar-ledger-check', { from: '#ledger-title', to: '#ledger-result' });
  expect(errors).toEqual([]);
});
