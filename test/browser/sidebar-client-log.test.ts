/**
 * A client's prepaid log file from its card on the Credits panel, in a real browser:
 * exported with a link to open it, shared view-only with an email, listed, and unshared;
 * and hidden from, and refused to, someone who is not an authorizer. Each test checks the
 * page and then the emulated Drive: the file, its viewers and its sharing log.
 */
import type { Page } from 'playwright-core';
import type { Addon } from '../../harness/addon';
import { addAcmeClients, addEntries, addonWithSheets, EDITOR } from '../../harness/workbook';
import { settled, text, sidebarSession, callAsCraftedPage } from '../../harness/chromium';

const openPage = sidebarSession();

/** Acme (6 h, 1 h of it used) and Acme Labs (4 h), neither with a file yet. */
function workbook(): Addon {
  const addon = addonWithSheets();
  addAcmeClients(addon, { acme: 6, labs: 4 }, 2);
  addEntries(addon, [{ 'Entry ID': 'E-1', Client: 'Acme', Hours: 1, Description: 'Kick-off' }]);
  addon.server.authorizeEntries(['E-1']);
  return addon;
}

/** Opens the sidebar on the Credits panel with `client`'s card open. */
async function cardOf(addon: Addon, client: string, opts: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  const opened = await openPage(addon, opts);
  await opened.page.click('#tab-credits');
  await opened.page.locator(`details[data-client="${client}"] summary`).click();
  return opened.page;
}

function logFiles(addon: Addon, client: string) {
  return addon.emu.files.byName(`Prepaid log — ${client}`);
}

const ACME = 'details[data-client="Acme"] .client-log';

describe("a client's prepaid log in the Credits panel", () => {
  it('exports the file and shows the link that opens it', async () => {
    const addon = workbook();
    const page = await cardOf(addon, 'Acme');
    expect(await text(page, `${ACME} .shares-title`)).toBe('No file yet; exporting or sharing it creates it.');
    expect(await page.locator(`${ACME} a`).count()).toBe(0);

    await page.click(`${ACME} button.export`);
    await settled(page);
    expect(await text(page, `${ACME} .message`)).toBe(
      'Created the file: 5.00 h left; not enough data: a forecast needs use on at least 2 days spread over 14 days or more.',
    );
    const [file, ...more] = logFiles(addon, 'Acme');
    expect(more).toEqual([]);
    const link = page.locator(`${ACME} a`);
    expect(await link.innerText()).toBe('Open the file');
    expect(await link.getAttribute('href')).toBe(`https://docs.google.com/spreadsheets/d/${file.id}/edit`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await text(page, `${ACME} .shares-title`)).toBe('Not shared with anyone yet.');

    await page.click(`${ACME} button.export`);
    await settled(page);
    expect(await text(page, `${ACME} .message`)).toBe(
      'Updated the file: 5.00 h left; not enough data: a forecast needs use on at least 2 days spread over 14 days or more.',
    );
    expect(logFiles(addon, 'Acme')).toHaveLength(1);
    expect(logFiles(addon, 'Acme Labs')).toEqual([]);
  });

  it('shares the file view-only with an email, lists it, and stops sharing it', async () => {
    const addon = workbook();
    const page = await cardOf(addon, 'Acme');
    const email = page.locator('#client-0-share');
    await page.click(`${ACME} .share-form button`);
    expect(await text(page, `${ACME} [data-error-for="email"]`)).toBe("Enter the client's email.");

    await email.fill('finance at acme');
    await email.press('Enter');
    await settled(page);
    expect(await text(page, `${ACME} .message`)).toBe('"finance at acme" is not an email address. Enter the client\'s email, like name@client.com.');
    expect(logFiles(addon, 'Acme')).toEqual([]);

    await email.fill('Finance@Acme.test');
    await email.press('Enter');
    await settled(page);
    expect(await text(page, `${ACME} .message`)).toBe('Shared with finance@acme.test (view only).');
    expect(await page.locator(`${ACME} .shares li`).allInnerTexts()).toEqual([expect.stringMatching(/^finance@acme\.test\s+Stop sharing$/)]);
    const [file] = logFiles(addon, 'Acme');
    expect(file).toMatchObject({ viewers: ['finance@acme.test'], editors: [], access: 'PRIVATE' });
    expect(addon.emu.files.sharingLog.filter((e) => e.email)).toEqual([
      expect.objectContaining({ fileId: file.id, action: 'addViewer', email: 'finance@acme.test' }),
    ]);
    expect(addon.emu.files.get(addon.emu.spreadsheet.getId())?.viewers).toEqual([]);

    await page.click(`${ACME} .shares li[data-email="finance@acme.test"] button`);
    await settled(page);
    expect(await text(page, `${ACME} .message`)).toBe('finance@acme.test can no longer open the prepaid log of Acme.');
    expect(await page.locator(`${ACME} .shares li`).count()).toBe(0);
    expect(await text(page, `${ACME} .shares-title`)).toBe('Not shared with anyone yet.');
    expect(file.viewers).toEqual([]);
    expect(addon.emu.files.sharingLog.filter((e) => e.email).map((e) => e.action)).toEqual(['addViewer', 'removeViewer']);
  });

  it('lists a shared address as text, however it is written', async () => {
    const addon = workbook();
    const hostile = '<img/src=x/onerror=window.__pwned=1>@evil.test';
    addon.server.shareClientLog('Acme', hostile);
    const page = await cardOf(addon, 'Acme');
    expect(await page.locator(`${ACME} .shares .email`).allInnerTexts()).toEqual([hostile]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('is not shown to someone who is not an authorizer, and the server refuses their calls', async () => {
    const addon = workbook();
    addon.server.shareClientLog('Acme', 'finance@acme.test');
    const [file] = logFiles(addon, 'Acme');
    const before = addon.emu.snapshot();
    const page = await cardOf(addon, 'Acme', { user: EDITOR });
    expect(await page.locator('.client-log').count()).toBe(0);
    expect(await page.locator('#panel-credits').innerText()).not.toContain('finance@acme.test');

    const answers = await callAsCraftedPage(page, [
      ['exportPrepaidLog', 'Acme Labs'],
      ['shareClientLog', 'Acme', 'someone@else.test'],
      ['unshareClientLog', 'Acme', 'finance@acme.test'],
    ]);
    expect(answers).toEqual(Array(3).fill(expect.stringMatching(/^refused: Only authorizers/)));
    expect(addon.emu.snapshot()).toEqual(before);
    expect(logFiles(addon, 'Acme Labs')).toEqual([]);
    expect(file.viewers).toEqual(['finance@acme.test']);
  });
});
