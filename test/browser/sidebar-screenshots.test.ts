/**
 * One screenshot of each panel, on the workbook `npm run demo` leaves (which `npm run sidebar` serves), saved
 * under out/ for the README (docs/sidebar.md). Each is taken in a state worth seeing:
 * a client going further below zero, a result with skipped entries, a client card
 * open, a client's prepaid log exported and shared, a running timer, hourly invoicing on
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
import { launchChromium, openSidebar, screenshot, settled, type Browser, type ShotArea, type SidebarPage } from '../../harness/chromium';

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
  const { page, errors } = await sidebar();
  await page.selectOption('#f-client', 'Northwind Ltd');
  await settled(page);
  expect(await page.locator('#totals .total.warn, #totals .total.danger').count()).toBe(1);
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

  await page.click('#tab-credits');
  const noor = page.locator('details[data-client="Studio Noor"]');
  await noor.locator('summary').click();
  await shoot(page, 'sidebar-credits');
  await noor.locator('summary').click();

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

  // Studio Noor is put on Auto-invoice; invoicing then runs from the Settings panel.
  addon.server.saveClientSettings('Studio Noor', { autoInvoice: true });
  await page.click('#tab-settings');
  await page.click('#invoicing-toggle');
  await settled(page);
  await page.click('#run-invoicing');
  await settled(page);
  await page.click('#check-ledger');
  await settled(page);
  expect(await page.locator('#open-invoices li.invoice').count()).toBe(2);
  await shoot(page, 'sidebar-invoicing', { to: '#ledger-result' });
  await shoot(page, 'sidebar-settings', { maxHeight: 1700 });
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
