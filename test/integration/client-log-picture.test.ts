/**
 * The README's picture of what a client sees: eight weeks of work for one client,
 * exported, rendered as HTML and photographed by chromium into out/client-log.png.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderClientLogHtml } from '../../harness/client-log-html';
import { addClients, addEntries, addonWithSheets } from '../../harness/workbook';
import { openClientFile } from '../../harness/client-log';

const OUT = join(__dirname, '..', '..', 'out');
const DAY = 86_400_000;
/** Globex's work: only in Globex's log, and one long word that must wrap to fit the page. */
const GLOBEX_TASK = 'https://tracker.globex.example/issues/GLOBEX-4711/reconcile-the-quarterly-export-with-the-warehouse-feed';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

function eightWeeksOfWork() {
  const start = Date.UTC(2026, 0, 5, 8);
  const addon = addonWithSheets({ now: start });
  addClients(addon, [
    { Client: 'Acme NV', 'Minimum balance (h)': 8, 'Top-up (h)': 30 },
    { Client: 'Globex', 'Minimum balance (h)': 2 },
  ]);
  addon.server.addCredits('Acme NV', 30, 'Prepaid block Q1');
  addon.server.addCredits('Globex', 10, 'Globex block');
  const tasks = ['Design review', 'Sprint planning', 'Bug fixing', 'Client call', 'Landing page build'];
  const people = ['ann.peeters@agency.test', 'Ben Claes'];
  for (let week = 0; week < 8; week++) {
    const monday = start + week * 7 * DAY;
    const days = [0, 1, 3].map((d) => new Date(monday + d * DAY).toISOString().slice(0, 10));
    const ids = days.map((_, i) => `E-${week}-${i}`);
    addEntries(
      addon,
      days.map((day, i) => ({
        'Entry ID': ids[i],
        Date: day,
        Client: 'Acme NV',
        Person: people[(week + i) % 2],
        Description: tasks[(week * 3 + i) % 5],
        Hours: [1.5, '0:45', 2][i],
      })),
    );
    addEntries(addon, [{ 'Entry ID': `G-${week}`, Date: days[0], Client: 'Globex', Hours: 1, Description: GLOBEX_TASK }]);
    addon.emu.clock.set(monday + 4 * DAY + 9 * 3_600_000);
    addon.server.authorizeEntries([...ids, `G-${week}`]);
    if (week === 3) addon.server.reverseEntries([ids[1]], 'Logged on the wrong client');
    if (week === 5) addon.server.addCredits('Acme NV', 10, 'Top-up');
  }
  addon.server.adjustCredits('Acme NV', -0.5, 'Travel time agreed on the phone');
  return addon;
}

describe('a picture of the client log for the README', () => {
  it("renders one client's log to out/client-log.png", async () => {
    const addon = eightWeeksOfWork();
    const { url, forecast } = addon.server.exportPrepaidLog('Acme NV');
    expect(forecast).toMatch(/^credits run out around 2026-0[34]-\d\d$/);
    const html = renderClientLogHtml(openClientFile(addon, url));
    expect(html).not.toContain('Globex');
    const globex = renderClientLogHtml(openClientFile(addon, addon.server.exportPrepaidLog('Globex').url));
    expect(globex).toContain(GLOBEX_TASK);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'client-log.html'), html);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1040, height: 900 } });
      await page.setContent(html);
      await page.screenshot({ path: join(OUT, 'client-log.png'), fullPage: true });
      expect(await page.locator('svg path.line').count()).toBe(1);
      expect(await page.locator('svg text').allTextContents()).toEqual(
        expect.arrayContaining(['Balance (h) over time', 'Date', 'Balance (hours)', 'Balance (h)']),
      );
      expect(await page.locator('table.log tr').count()).toBe(1 + 1 + 24 + 1 + 1 + 1);
      expect(await page.locator('table.log th').allTextContents()).toEqual([
        'Date',
        'Work date',
        'Kind',
        'Person',
        'Description',
        'Hours',
        'Balance (h)',
        'Invoice',
      ]);
      // Nothing wider than an A4 page (about 794 CSS pixels): no sideways scrolling, on screen or on paper.
      await page.setViewportSize({ width: 794, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
      await page.setContent(globex);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    } finally {
      await browser.close();
    }
    expect(statSync(join(OUT, 'client-log.png')).size).toBeGreaterThan(20_000);
  });
});
