/**
 * What the browser tests share: Chromium (see find-chromium.ts) driven by playwright-core,
 * with a fresh profile per launch, and a page showing the sidebar of an add-on on the emulator
 * through the local bridge (harness/sidebar-bridge.ts) — the same path `npm run sidebar`
 * takes. Screenshots go to out/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Addon } from './addon';
import { findChromium } from './find-chromium';
import { startBridge, type BridgeOptions, type SidebarBridge } from './sidebar-bridge';

export const OUT = join(__dirname, '..', 'out');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The width of an editor add-on's sidebar. */
export const SIDEBAR_WIDTH = 300;

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile; throws, saying how to get a browser, when there is none. */
export async function launchChromium(): Promise<Browser> {
  const binary = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'prepaid-time-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    headless: true,
    args: ARGS,
    viewport: { width: SIDEBAR_WIDTH, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface SidebarPage {
  page: Page;
  bridge: SidebarBridge;
  /** Pages opened by the browser that failed a script (uncaught errors). */
  errors: string[];
  close(): Promise<void>;
}

/** Opens the sidebar of `addon` as `user` (default: the emulator's user) and waits for the first load. */
export async function openSidebar(browser: Browser, addon: Addon, opts: BridgeOptions & { user?: string } = {}): Promise<SidebarPage> {
  const bridge = await startBridge(addon, opts);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(opts.user ? `${bridge.url}?as=${encodeURIComponent(opts.user)}` : bridge.url);
  await page.locator('#whoami').filter({ hasText: 'Signed in as' }).waitFor();
  return {
    page,
    bridge,
    errors,
    close: async () => {
      await page.close();
      await bridge.close();
    },
  };
}

/**
 * A browser for one test file: chromium launched once, every sidebar a test opens closed
 * after it, and a test fails if a page threw an uncaught error. Returns the opener.
 */
export function sidebarSession(): (addon: Addon, opts?: BridgeOptions & { user?: string }) => Promise<SidebarPage> {
  let browser: Browser;
  let open: SidebarPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    const closing = open;
    open = [];
    for (const sidebar of closing) await sidebar.close();
    expect(closing.flatMap((sidebar) => sidebar.errors)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (addon, opts = {}) => {
    const opened = await openSidebar(browser, addon, opts);
    open.push(opened);
    return opened;
  };
}

/**
 * Calls server functions straight from the page, the way a crafted page could (the
 * sidebar only hides buttons; the server decides). Each answer is the result, or
 * `refused: <message>` when the server threw.
 */
export function callAsCraftedPage(page: Page, calls: [name: string, ...args: unknown[]][]): Promise<unknown[]> {
  return page.evaluate(
    (list) =>
      Promise.all(
        list.map(
          ([name, ...args]) =>
            new Promise((resolve) => {
              const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((e: Error) => resolve(`refused: ${e.message}`));
              (runner[name] as (...a: unknown[]) => void)(...args);
            }),
        ),
      ),
    calls,
  );
}

/** Waits until no server call is out. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'false');
}

/** An element's visible text, with runs of white space as one space. */
export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
}

/** What part of the page a screenshot shows: from the top of `from` (default: the page's top) to the bottom of `to`, at most `maxHeight` px. */
export interface ShotArea {
  from?: string;
  to?: string;
  maxHeight?: number;
}

/** Saves a screenshot of the sidebar under out/: the whole page, or the area asked for, with a small margin. */
export async function screenshot(page: Page, name: string, area: ShotArea = {}): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  const margin = 5;
  const box = async (selector: string) => {
    const found = await page.locator(selector).first().boundingBox();
    if (!found) throw new Error(`Nothing to screenshot: ${selector} is not shown.`);
    const scroll = await page.evaluate(() => window.scrollY);
    return { top: found.y + scroll, bottom: found.y + scroll + found.height };
  };
  const top = area.from ? Math.max(0, (await box(area.from)).top - margin) : 0;
  const bottom = area.to ? (await box(area.to)).bottom + margin : await page.evaluate(() => document.documentElement.scrollHeight);
  const height = Math.min(bottom - top, area.maxHeight ?? 1400);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: top, width: SIDEBAR_WIDTH, height } });
  return path;
}
