/**
 * One screenshot of each panel, on the demo workbook `npm run sidebar` serves, saved
 * under out/ for the README (docs/sidebar.md). Each is taken in a state worth seeing:
 * a client about to go below its minimum, a result with skipped entries, a client card
 * open, a running timer, and the view of someone who is not an authorizer.
 */
import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startAddon, type Addon } from '../../emulator/addon';
import { AUTHORIZER, EDITOR } from '../../scripts/demo-workbook';
import { seedSidebarWorkbook } from '../../scripts/sidebar-workbook';
import { launchChromium, openSidebar, screenshot, type Browser, type SidebarPage } from './chromium';

let browser: Browser;
let addon: Addon;
const open: SidebarPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  addon = startAddon({ user: AUTHORIZER, seed: 2026, timeZone: 'Europe/Brussels' });
  seedSidebarWorkbook(addon);
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

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
}

async function shoot(page: Page, name: string, maxHeight?: number): Promise<void> {
  const path = await screenshot(page, name, maxHeight);
  expect(existsSync(path) && statSync(path).size).toBeGreaterThan(5000);
}

it('saves a screenshot of each panel under out/', async () => {
  const { page, errors } = await sidebar();
  await page.selectOption('#f-client', 'Brightside BV');
  await settled(page);
  expect(await page.locator('#totals .total.warn, #totals .total.danger').count()).toBe(1);
  await shoot(page, 'sidebar-authorize');

  await page.selectOption('#f-client', 'Acme NV');
  await settled(page);
  await page.click('#authorize');
  await settled(page);
  expect(await page.locator('#authorize-result .skipped li').count()).toBe(2);
  await shoot(page, 'sidebar-authorize-result', 2000);

  await page.click('#tab-credits');
  await page.locator('details[data-client="Studio Noor"] summary').click();
  await shoot(page, 'sidebar-credits');

  await page.click('#tab-track');
  await page.selectOption('#timer-client', 'Acme NV');
  await page.fill('#timer-description', 'Homepage copy review');
  await page.click('#start-timer');
  await settled(page);
  await shoot(page, 'sidebar-track');

  await page.click('#tab-settings');
  await shoot(page, 'sidebar-settings');
  expect(errors).toEqual([]);

  const editor = await sidebar(EDITOR);
  await editor.page.selectOption('#f-client', 'Studio Noor');
  await settled(editor.page);
  await shoot(editor.page, 'sidebar-non-authorizer');
  expect(editor.errors).toEqual([]);
});
