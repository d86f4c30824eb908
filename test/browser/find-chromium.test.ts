/** The browser tests find a Chromium on a machine with only Node (the npm package's), and fail with a way out when there is none. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchChromium } from '../../harness/chromium';
import { findChromium, SYSTEM_CHROMIUM } from '../../harness/find-chromium';

const NOWHERE = '/nonexistent/chromium';
/** The packaged Chromium is built for Linux x64; elsewhere it must be refused with a way out. */
const PACKAGED = process.platform === 'linux' && process.arch === 'x64';

describe('finding Chromium for the browser tests', () => {
  it('fails, saying how to get a browser, when there is no system Chromium and no npm one', async () => {
    const found = findChromium({ choice: '', systemPath: NOWHERE, packageDir: null });
    await expect(found).rejects.toThrow(/No Chromium for the browser tests: \/nonexistent\/chromium is missing/);
    await expect(found).rejects.toThrow(/npm install.*apt-get install chromium.*PREPAID_TIME_CHROMIUM/);
    await expect(findChromium({ choice: NOWHERE, packageDir: null })).rejects.toThrow(/PREPAID_TIME_CHROMIUM is \/nonexistent\/chromium, which does not exist/);
  });

  it('uses the system Chromium when it is there', async () => {
    const found = await findChromium({ choice: '', systemPath: __filename });
    expect(found).toEqual({ executablePath: __filename, env: {}, source: 'system' });
  });

  it('runs the Chromium that npm install brings (@sparticuz/chromium), headless, as this user', async () => {
    if (!PACKAGED) {
      await expect(findChromium({ choice: '', systemPath: NOWHERE })).rejects.toThrow(/runs on Linux x64 only.*apt-get install chromium/);
      return;
    }
    const found = await findChromium({ choice: '', systemPath: NOWHERE });
    expect(found.source).toBe('npm');
    expect(existsSync(found.executablePath)).toBe(true);
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      env: { ...process.env, ...found.env },
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p">Prepaid <b>Time</b> €</p>');
      expect(await page.locator('#p').innerText()).toBe('Prepaid Time €');
    } finally {
      await browser.close();
    }
  });

  it('launches the tests’ browser from PREPAID_TIME_CHROMIUM=npm even when the system has one', async () => {
    const before = process.env.PREPAID_TIME_CHROMIUM;
    process.env.PREPAID_TIME_CHROMIUM = 'npm';
    try {
      if (!PACKAGED) {
        await expect(launchChromium()).rejects.toThrow(/Linux x64 only/);
        return;
      }
      expect((await findChromium()).executablePath).not.toBe(SYSTEM_CHROMIUM);
      const browser = await launchChromium();
      const page = await browser.context.newPage();
      await page.setContent('<title>ok</title>');
      expect(await page.title()).toBe('ok');
      await browser.close();
    } finally {
      if (before === undefined) delete process.env.PREPAID_TIME_CHROMIUM;
      else process.env.PREPAID_TIME_CHROMIUM = before;
    }
  });
});
