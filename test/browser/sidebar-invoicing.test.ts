/**
 * The Settings panel's Invoicing and Ledger sections in a real browser: the hourly
 * trigger turned on and off, invoicing run by hand, an invoice marked paid, the ledger
 * checked before and after a hand edit, and what someone who is not an authorizer sees
 * and may call. Each test checks the page and then the emulated workbook, triggers and
 * Drive.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addEntries, addonWithSheets, balances, EDITOR, OWNER, rows } from '../../harness/workbook';
import { settled, text, sidebarSession, type SidebarPage, callAsCraftedPage } from '../../harness/chromium';

const openPage = sidebarSession();

/**
 * Acme (minimum 5 h, top-up 20 h at 90/h, Auto-invoice on) at 4 h after an authorization
 * that did not invoice (invoicing right after authorizing is off), and Beta above its minimum.
 */
function workbook(): Addon {
  const addon = addonWithSheets();
  addon.server.saveSettings({ invoiceAfterAuthorization: false });
  addClients(addon, [
    { Client: 'Acme', 'Billing email': 'ap@acme.test', 'Minimum balance (h)': 5, 'Top-up (h)': 20, 'Auto-invoice': true },
    { Client: 'Beta', 'Minimum balance (h)': 2, 'Top-up (h)': 10, 'Auto-invoice': true },
  ]);
  addon.server.addCredits('Acme', 6, 'Initial block');
  addon.server.addCredits('Beta', 4, 'Initial block');
  addEntries(addon, [{ 'Entry ID': 'E-1', Client: 'Acme', Hours: 2, Description: 'Design' }]);
  addon.server.authorizeEntries(['E-1']);
  return addon;
}

async function settingsOf(addon: Addon, opts: Parameters<typeof openPage>[1] = {}): Promise<SidebarPage> {
  const opened = await openPage(addon, opts);
  await opened.page.click('#tab-settings');
  return opened;
}

/** How many time-driven triggers each user has (Apps Script shows a user only their own). */
function triggers(addon: Addon, ...users: string[]): number[] {
  const scriptApp = addon.emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
  return users.map((user) => addon.emu.execution(() => scriptApp.getProjectTriggers().length, { user }));
}

/** Types a value into a cell by hand, found by its sheet's header and its data row (0 = the first row under the header). */
function editCell(addon: Addon, sheetName: string, row: number, header: string, value: unknown): void {
  const sheet = addon.emu.spreadsheet.getSheetByName(sheetName)!;
  const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
  if (column === 0) throw new Error(`No ${header} column in ${sheetName}.`);
  sheet.getRange(row + 2, column).setValue(value);
}

describe('the Invoicing section', () => {
  it('turns the hourly trigger on and off, and says when invoicing last ran and what it did', async () => {
    const addon = workbook();
    const { page } = await settingsOf(addon);
    expect(await text(page, '#invoicing-status')).toBe(
      'Hourly invoicing is off Turn on Invoices are made only when an authorizer runs invoicing. Invoicing has not run yet.',
    );

    await page.click('#invoicing-toggle');
    await settled(page);
    expect(await text(page, '#invoicing-message')).toBe('Hourly invoicing is on: it runs every hour as you, in this workbook.');
    expect(await text(page, '#invoicing-status')).toBe(
      'Hourly invoicing is on Turn off Runs every hour as you, since 2026-01-05 10:00. Invoicing has not run yet.',
    );
    expect(triggers(addon, OWNER, EDITOR)).toEqual([1, 0]);

    // An hour later the trigger runs; the sidebar shows what it did at its next load.
    addon.emu.clock.advance(3_600_000);
    expect(addon.emu.fireTimeTriggers(addon.bundle)).toEqual(['runAutomaticInvoicing']);
    await page.reload();
    await page.locator('#whoami').filter({ hasText: 'Signed in as' }).waitFor();
    await page.click('#tab-settings');
    expect(await text(page, '#invoicing-status')).toBe(
      `Hourly invoicing is on Turn off Runs every hour as you, since 2026-01-05 10:00. Last run 2026-01-05 11:00 by ${OWNER}: Invoicing: created INV-2026-0001.`,
    );

    await page.click('#invoicing-toggle');
    await settled(page);
    expect(await text(page, '#invoicing-message')).toBe('Your hourly invoicing trigger is off.');
    expect(await text(page, '#invoicing-status')).toMatch(/^Hourly invoicing is off Turn on /);
    expect(triggers(addon, OWNER)).toEqual([0]);
  });

  it('runs invoicing now: a client below its minimum with Auto-invoice on gets one invoice, listed with its Doc and PDF', async () => {
    const addon = workbook();
    const { page } = await settingsOf(addon);
    expect(await text(page, '#open-invoices')).toBe('No unpaid invoices.');

    await page.click('#run-invoicing');
    await settled(page);
    expect(await text(page, '#invoicing-message')).toBe('Invoicing: created INV-2026-0001.');
    expect(await page.getAttribute('#invoicing-message', 'class')).toBe('message success');
    const [invoice, ...others] = rows(addon, 'Invoices');
    expect(others).toEqual([]);
    expect(invoice).toMatchObject({ 'Invoice no': 'INV-2026-0001', Client: 'Acme', Hours: 20, Amount: 1800, Currency: 'EUR', Status: 'Open' });

    expect(await text(page, '#open-invoices-title')).toBe('Unpaid invoices (1)');
    expect(await text(page, '#open-invoices')).toBe('INV-2026-0001 EUR 1,800.00 Acme · 2026-01-05 · 20.00 h Doc · PDF Mark paid');
    const links = await page
      .locator('#open-invoices a')
      .evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    expect(links).toEqual([
      ['Doc', invoice.Document, '_blank', 'noopener noreferrer'],
      ['PDF', invoice.PDF, '_blank', 'noopener noreferrer'],
    ]);
    expect(await text(page, '#last-run-summary')).toBe('Invoicing: created INV-2026-0001.');

    // A second run finds the crossing invoiced: still one invoice.
    await page.click('#run-invoicing');
    await settled(page);
    expect(await text(page, '#invoicing-message')).toBe('Invoicing: 1 client below minimum already invoiced.');
    expect(rows(addon, 'Invoices')).toHaveLength(1);
  });

  it('says why a run left an invoice Pending, lists it without Mark paid, and the next run finishes it', async () => {
    const addon = workbook();
    addon.emu.faults.failOn('File.getAs', 'We are sorry, a server error occurred.', 1);
    const { page } = await settingsOf(addon);
    await page.click('#run-invoicing');
    await settled(page);
    expect(await page.getAttribute('#invoicing-message', 'class')).toBe('message notice');
    expect(await text(page, '#invoicing-message')).toContain(
      'INV-2026-0001 for Acme is not finished: We are sorry, a server error occurred. It stays Pending and the next run finishes it.',
    );
    expect(await text(page, 'li[data-invoice="INV-2026-0001"] .flag')).toBe('Pending: not finished yet. Run invoicing now to finish it.');
    expect(await page.locator('#open-invoices button').count()).toBe(0);
    expect(rows(addon, 'Invoices')[0].Status).toBe('Pending');

    await page.click('#run-invoicing');
    await settled(page);
    expect(await text(page, '#invoicing-message')).toBe('Invoicing: finished INV-2026-0001.');
    expect(await page.locator('#open-invoices .flag').count()).toBe(0);
    expect(await page.locator('li[data-invoice="INV-2026-0001"] button.pay').isVisible()).toBe(true);
    expect(rows(addon, 'Invoices')[0].Status).toBe('Open');
  });

  it('marks an invoice paid once, however often it is clicked: Invoices says Paid and the balance rises', async () => {
    const addon = workbook();
    addon.server.runAutomaticInvoicing();
    const { page, bridge } = await settingsOf(addon, { latencyMs: 300 });
    await page.dblclick('li[data-invoice="INV-2026-0001"] button.pay');
    expect(await page.locator('#run-invoicing').isDisabled()).toBe(true);
    await settled(page);
    expect(bridge.calls.filter((c) => c.name === 'markInvoicePaid').map((c) => c.args)).toEqual([['INV-2026-0001']]);
    expect(await text(page, '#invoicing-message')).toMatch(/^INV-2026-0001 is paid\. Acme was credited with the invoice's hours: balance 24\.00 h\./);
    expect(rows(addon, 'Invoices')[0].Status).toBe('Paid');
    expect(rows(addon, 'Prepaid log').filter((r) => r.Kind === 'Top-up' && r.Reference === 'INV-2026-0001')).toEqual([
      expect.objectContaining({ Client: 'Acme', Hours: 20 }),
    ]);
    expect(balances(addon)).toEqual({ Acme: 24, Beta: 4 });
    expect(await text(page, '#open-invoices')).toBe('No unpaid invoices.');
    await page.click('#tab-credits');
    expect(await text(page, 'details[data-client="Acme"] .balance')).toBe('24.00 h');
  });

  it('shows what the Invoices sheet holds as text, and only web addresses as links', async () => {
    const addon = workbook();
    addon.server.runAutomaticInvoicing();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    editCell(addon, 'Invoices', 0, 'Client', hostile);
    editCell(addon, 'Invoices', 0, 'Document', 'javascript:window.__pwned=2');
    const { page } = await settingsOf(addon);
    expect(await text(page, 'li[data-invoice="INV-2026-0001"] .secondary')).toBe(`${hostile} · 2026-01-05 · 20.00 h`);
    expect(await page.locator('#open-invoices a').allInnerTexts()).toEqual(['PDF']);
    expect(await page.locator('#open-invoices img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('shows someone who is not an authorizer the status and the invoices, no buttons, and the server refuses their calls', async () => {
    const addon = workbook();
    addon.server.installInvoicingTrigger();
    addon.server.runAutomaticInvoicing();
    const before = addon.emu.snapshot();
    const { page } = await settingsOf(addon, { user: EDITOR });
    expect(await text(page, '#invoicing-status')).toMatch(
      new RegExp(`^Hourly invoicing is on Runs every hour as ${OWNER}, since 2026-01-05 10:00\\. Only they can turn it off\\. Last run `),
    );
    expect(await text(page, '#open-invoices')).toBe('INV-2026-0001 EUR 1,800.00 Acme · 2026-01-05 · 20.00 h Doc · PDF');
    expect(await page.locator('#invoicing-toggle, #open-invoices button').count()).toBe(0);
    expect(await page.locator('#run-invoicing').isVisible()).toBe(false);
    expect(await text(page, '#invoicing-who-can')).toBe(`Only authorizers can turn invoicing on or off, run it or mark invoices paid: ${OWNER}.`);

    // The sidebar only hides; the server decides. Call it the way a crafted page would.
    const answers = await callAsCraftedPage(page, [
      ['installInvoicingTrigger'],
      ['removeInvoicingTrigger'],
      ['runAutomaticInvoicing'],
      ['markInvoicePaid', 'INV-2026-0001'],
    ]);
    expect(answers).toEqual(Array(4).fill(expect.stringMatching(/^refused: Only authorizers/)));
    expect(addon.emu.snapshot()).toEqual(before);
    expect(triggers(addon, OWNER, EDITOR)).toEqual([1, 0]);
  });
});

describe('the ledger check', () => {
  it('says the ledger is consistent, then names the log row edited by hand, as text', async () => {
    const addon = workbook();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    addClients(addon, [{ Client: hostile, 'Minimum balance (h)': 1, 'Top-up (h)': 5 }]);
    addon.server.addCredits(hostile, 5, 'Initial block');
    const { page } = await settingsOf(addon, { user: EDITOR });
    await page.click('#check-ledger');
    await settled(page);
    expect(await text(page, '#ledger-result')).toBe('The ledger is consistent: 4 log rows, every balance equals its log.');
    expect(await page.getAttribute('#ledger-result', 'class')).toBe('message success');

    // Someone types over the hostile client's top-up in the Prepaid log.
    editCell(addon, 'Prepaid log', 3, 'Hours', 50);
    await page.click('#check-ledger');
    await settled(page);
    expect(await page.getAttribute('#ledger-result', 'class')).toBe('message error');
    expect(await text(page, '#ledger-result')).toMatch(/^The ledger has \d+ problems:/);
    const problems = await page.locator('#ledger-result li').allInnerTexts();
    expect(problems).toContainEqual(
      expect.stringMatching(/^Log row L-\w+ was edited, inserted or the row before it removed by hand: its checksum does not match\./),
    );
    expect(problems).toContainEqual(expect.stringContaining(`${hostile}'s balance is 5.00 h, but the log adds up to 50.00 h`));
    expect(await page.locator('#ledger-result img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
