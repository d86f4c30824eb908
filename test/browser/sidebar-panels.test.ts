/**
 * The sidebar's first-hour fixes in a real browser: one current message per panel, the
 * Add credits errors under their fields, New client, the short-timer question, people by
 * name, the archive preview and confirmation, and the nudge (with its button) for a
 * client below zero that is not invoiced automatically.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addEntries, addonWithSheets, EDITOR, rows, standardWorkbook } from '../../harness/workbook';
import { settled, sidebarSession, text } from '../../harness/chromium';

const openPage = sidebarSession();

/** Acme (10 h) and Acme Labs (4 h) with three open entries, and one more logged under the owner's email, as the sheet used to hold. */
function workbook(): Addon {
  const addon = standardWorkbook();
  addEntries(addon, [{ 'Entry ID': 'E-MINE', Client: 'Acme Labs', Person: 'owner@agency.test', Hours: '45m', Description: 'Review' }]);
  return addon;
}

describe('one current message per panel', () => {
  it('clears the top-up banner when the Adjust form finds its own error, and when another action starts', async () => {
    const addon = workbook();
    const { page } = await openPage(addon);
    await page.click('#tab-credits');
    await page.selectOption('#add-client', 'Acme');
    await page.fill('#add-hours', '2');
    await page.click('#add-credits');
    await settled(page);
    expect(await text(page, '#credits-message')).toBe('Top-up of +2.00 h for Acme: balance 12.00 h.');

    await page.selectOption('#adjust-client', 'Acme');
    await page.fill('#adjust-hours', '-1');
    await page.click('#adjust');
    expect(await text(page, '#adjust-form [data-error-for="reason"]')).toMatch(/Give a reason/);
    expect(await page.locator('#credits-message').isVisible()).toBe(false);
    expect(await text(page, '#credits-message')).toBe('');

    // A server refusal in one form, then a success in another: only the success stays.
    await page.fill('#add-hours', 'ten');
    await page.selectOption('#add-client', 'Acme');
    await page.fill('#add-hours', 'ten');
    await page.click('#add-credits');
    await settled(page);
    expect(await text(page, '#add-credits-form [data-error-for="hours"]')).toMatch(/"ten" are not a number/);
    await page.fill('#adjust-reason', 'Goodwill');
    await page.click('#adjust');
    await settled(page);
    expect(await text(page, '#credits-message')).toBe('Adjustment of -1.00 h for Acme: balance 11.00 h.');
    expect(await text(page, '#add-credits-form [data-error-for="hours"]')).toBe('');
    expect(await text(page, '#adjust-form [data-error-for="reason"]')).toBe('');
  });
});

describe('New client', () => {
  it('adds a client from the Credits panel, and refuses a case twin under the name field', async () => {
    const addon = workbook();
    const { page } = await openPage(addon);
    await page.click('#tab-credits');
    await page.fill('#new-name', 'acme ');
    await page.fill('#new-rate', 'lots');
    await page.click('#add-client-button');
    await settled(page);
    expect(await text(page, '#new-client-form [data-error-for="name"]')).toMatch(/"Acme" is already in Credits; names that differ only in case or spaces/);
    expect(await text(page, '#new-client-form [data-error-for="hourlyRate"]')).toMatch(/Write the rate as a number/);
    expect(await text(page, '#credits-message')).toBe('The client was not added. Correct the fields marked below.');
    expect(rows(addon, 'Credits')).toHaveLength(2);

    await page.fill('#new-name', 'Studio Noor');
    await page.selectOption('#new-type', 'Contact');
    await page.fill('#new-email', 'noor@studio.test');
    await page.fill('#new-rate', '80');
    await page.fill('#new-minimum', '2');
    await page.fill('#new-top-up', '40');
    await page.click('#add-client-button');
    await settled(page);
    expect(await text(page, '#credits-message')).toBe('Added Studio Noor to Credits.');
    expect(await text(page, '#new-client-form [data-error-for="name"]')).toBe('');
    expect(rows(addon, 'Credits').at(-1)).toMatchObject({ Client: 'Studio Noor', Type: 'Contact', 'Hourly rate': 80, Currency: 'EUR', 'Top-up (h)': 40 });
    expect(await page.locator('details[data-client="Studio Noor"]').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#add-client option').allInnerTexts()).toContain('Studio Noor');
  });

  it('is not offered to someone who is not an authorizer', async () => {
    const { page } = await openPage(workbook(), { user: EDITOR });
    await page.click('#tab-credits');
    expect(await page.locator('#new-client-form').isVisible()).toBe(false);
  });
});

describe('the short timer', () => {
  it('logs nothing under a minute and asks before logging a timer shorter than the rounding step', async () => {
    const addon = workbook();
    addon.server.saveSettings({ roundingMinutes: 15 });
    const { page } = await openPage(addon);
    await page.click('#tab-track');
    await page.selectOption('#timer-client', 'Acme');
    await page.fill('#timer-description', 'Quick question');
    await page.click('#start-timer');
    await settled(page);
    addon.emu.clock.advance(5_000);
    await page.click('#stop-timer');
    await settled(page);
    expect(await text(page, '#track-message')).toBe('The timer for Acme ran 5 s, under a minute, so nothing was logged.');
    expect(rows(addon, 'Time entries')).toHaveLength(4);

    await page.selectOption('#timer-client', 'Acme');
    await page.fill('#timer-description', 'Short call');
    await page.click('#start-timer');
    await settled(page);
    addon.emu.clock.advance(5 * 60_000);
    await page.click('#stop-timer');
    await settled(page);
    expect(await page.locator('#timer-confirm').isVisible()).toBe(true);
    expect(await text(page, '#timer-confirm-text')).toMatch(/ran 5 min; with 15-minute rounding, authorizing it deducts 15 min/);
    expect(rows(addon, 'Time entries')).toHaveLength(4);
    expect(await page.locator('#stop-timer').isVisible()).toBe(false);

    await page.click('#timer-log-anyway');
    await settled(page);
    expect(await text(page, '#track-message')).toMatch(/^Logged 0\.08 h for Acme/);
    expect(rows(addon, 'Time entries').at(-1)).toMatchObject({ Client: 'Acme', Description: 'Short call', Person: 'Owner', Hours: 5 / 60 });
    expect(await page.locator('#timer-form').isVisible()).toBe(true);
  });

  it('discards a short timer when asked to', async () => {
    const addon = workbook();
    addon.server.saveSettings({ roundingMinutes: 30 });
    addon.server.startTimer('Acme', 'Oops');
    addon.emu.clock.advance(3 * 60_000);
    const { page } = await openPage(addon);
    await page.click('#tab-track');
    await page.click('#stop-timer');
    await settled(page);
    await page.click('#timer-discard');
    await settled(page);
    expect(await text(page, '#track-message')).toBe('Discarded the timer for Acme; nothing was logged.');
    expect(rows(addon, 'Time entries')).toHaveLength(4);
    expect(addon.server.getTimer()).toBeNull();
  });
});

describe('people by name', () => {
  it('fills the form with the name, lists names only in the Person filter, and edits People in Settings', async () => {
    const addon = workbook();
    const { page } = await openPage(addon);
    expect(await page.locator('#f-person option').allInnerTexts()).toEqual(['Everyone', 'Ann', 'Owner']);
    await page.click('#tab-settings');
    await page.fill('#s-people', 'owner@agency.test = Olivia Owens\nnobody');
    await page.click('#save-settings');
    await settled(page);
    expect(await text(page, '#settings-message')).toMatch(/people "nobody" is not an email address/);
    await page.fill('#s-people', 'owner@agency.test = Olivia Owens');
    await page.click('#save-settings');
    await settled(page);
    expect(addon.server.getSettings().people).toEqual({ 'owner@agency.test': 'Olivia Owens' });
    await page.click('#tab-track');
    expect(await page.inputValue('#log-person')).toBe('Olivia Owens');
    await page.click('#tab-authorize');
    expect(await page.locator('#f-person option').allInnerTexts()).toEqual(['Everyone', 'Ann', 'Olivia Owens']);
    await page.selectOption('#f-person', 'Olivia Owens');
    await settled(page);
    expect(await page.locator('#entries input[data-entry]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(['E-MINE']);
  });
});

describe('archiving from Settings', () => {
  it('previews what would move, writing nothing, then archives on confirmation', async () => {
    const addon = addonWithSheets({ now: Date.UTC(2025, 10, 3, 9) });
    addClients(addon, [{ Client: 'Acme' }]);
    addon.server.addCredits('Acme', 20, 'Block 2025');
    addEntries(addon, [{ 'Entry ID': 'E-OLD', Date: '2025-11-03', Client: 'Acme', Hours: 2 }]);
    addon.server.authorizeEntries(['E-OLD']);
    addon.emu.clock.set(Date.UTC(2026, 1, 2, 9));
    const { page, bridge } = await openPage(addon);
    await page.click('#tab-settings');
    expect(await page.locator('#archive-section').isVisible()).toBe(true);
    await page.fill('#archive-date', '2026-01-01');
    await page.click('#preview-archive');
    await settled(page);
    expect(await text(page, '#archive-preview')).toContain('moves 2 log rows and 1 authorized entry');
    expect(await text(page, '#archive-preview li[data-year="2025"]')).toBe('2025: 2 log rows, 1 entry');
    expect(await text(page, '#archive-preview li[data-client="Acme"]')).toBe('Acme carries 18.00 h forward');
    expect(bridge.calls.some((c) => c.name === 'archiveBefore')).toBe(false);
    expect(rows(addon, 'Prepaid log')).toHaveLength(2);

    await page.click('#archive-confirm');
    await settled(page);
    expect(await text(page, '#archive-message')).toMatch(/^Archived 2 log rows and 1 authorized entry from before 2026-01-01/);
    expect(rows(addon, 'Prepaid log').map((r) => [r.Kind, r.Hours])).toEqual([['Opening balance', 18]]);
    expect(await page.locator('#archive-confirm').isVisible()).toBe(false);
  });

  it('is not shown to someone who is not an authorizer', async () => {
    const { page } = await openPage(workbook(), { user: EDITOR });
    await page.click('#tab-settings');
    expect(await page.locator('#archive-section').isVisible()).toBe(false);
  });
});

describe('a client below zero that is not invoiced automatically', () => {
  it('is flagged in the Credits panel and the Authorize preview, and one click makes its invoice once', async () => {
    const addon = addonWithSheets();
    addClients(addon, [{ Client: 'Studio Noor', 'Hourly rate': 80, 'Minimum balance (h)': 0, 'Top-up (h)': 40, 'Auto-invoice': false }]);
    addon.server.addCredits('Studio Noor', 10, 'Block');
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'];
    addEntries(addon, [
      ...days.map((day, i) => ({ 'Entry ID': `E-N${i + 1}`, Date: day, Client: 'Studio Noor', Hours: '10:27' })),
      { 'Entry ID': 'E-N9', Client: 'Studio Noor', Hours: 1 },
    ]);
    addon.server.authorizeEntries(days.map((_, i) => `E-N${i + 1}`));
    const { page } = await openPage(addon);
    expect(await text(page, '#totals .total[data-client="Studio Noor"] .nudge')).toMatch(/^Below zero, not invoiced automatically\./);
    expect(await page.locator('#totals .total[data-client="Studio Noor"] button.invoice-now').count()).toBe(1);

    await page.click('#tab-credits');
    const card = page.locator('details[data-client="Studio Noor"]');
    const nudge = 'details[data-client="Studio Noor"] .nudge';
    expect(await text(page, nudge)).toMatch(/^Below zero, not invoiced automatically\./);
    await card.locator('button.invoice-now').click();
    await settled(page);
    expect(await card.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await text(page, '#credits-message')).toMatch(/INV-2026-0001/);
    expect(rows(addon, 'Invoices').map((r) => [r.Client, r.Hours, r.Status])).toEqual([['Studio Noor', 40, 'Open']]);
    expect(await text(page, nudge)).toBe('Below zero, not invoiced automatically. Invoice INV-2026-0001 is unpaid.');
    expect(await card.locator('button.invoice-now').count()).toBe(0);
  });
});
