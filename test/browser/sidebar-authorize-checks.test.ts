/**
 * The Authorize panel's checks in a real browser: flagged entries (over 12 h, dated after
 * today) show why and an "Authorize anyway" box; the button says how many entries will go
 * through and is disabled when none will; the preview's count is the result's count; the
 * result names each entry; and the sheet's Reason column says why a row was skipped.
 */
import type { Addon } from '../../harness/addon';
import { addAcmeClients, addEntries, addonWithSheets, EDITOR, rows } from '../../harness/workbook';
import { settled, sidebarSession, text } from '../../harness/chromium';

const openPage = sidebarSession();

/** Today is 2026-01-05. One good entry, one of 13 h, one dated tomorrow, a duplicated ID and unreadable hours. */
function workbook(): Addon {
  const addon = addonWithSheets();
  addAcmeClients(addon, { acme: 40, labs: 4 });
  addEntries(addon, [
    { 'Entry ID': 'E-OK', Client: 'Acme', Person: 'Ann', Hours: 1, Description: 'Kick-off' },
    { 'Entry ID': 'E-LONG', Client: 'Acme', Person: 'Bob', Hours: 13, Description: 'Launch night' },
    { 'Entry ID': 'E-NEXT', Date: '2026-01-06', Client: 'Acme', Person: 'Ann', Hours: 2, Description: 'Workshop' },
    { 'Entry ID': 'E-DUP', Client: 'Acme Labs', Person: 'Cy', Hours: 1, Description: 'Copied row' },
    { 'Entry ID': 'E-DUP', Client: 'Acme Labs', Person: 'Cy', Hours: 1, Description: 'Copied row (copy)' },
    { 'Entry ID': 'E-BAD', Client: 'Acme Labs', Person: 'Cy', Hours: 'two hours', Description: 'Typo' },
  ]);
  return addon;
}

const reasonOf = (addon: Addon, id: string) => rows(addon, 'Time entries').find((r) => r['Entry ID'] === id)?.Reason;

describe('the Authorize panel checks', () => {
  it('flags unusual entries, counts what will go through, and authorizes a flagged entry only when confirmed', async () => {
    const addon = workbook();
    const { page, bridge } = await openPage(addon);
    expect(await text(page, '#authorize')).toBe('Authorize 1 of 6 entries');
    expect(await text(page, '#skip-note')).toBe(
      '5 entries will be skipped, for the reasons shown in red; the others go through. Tick Authorize anyway on a flagged entry if it is right.',
    );
    const long = page.locator('#entries li', { has: page.locator('input[data-entry="E-LONG"]') });
    expect(await long.locator('.flag-note').textContent()).toMatch(/^Check this entry: 13\.00 h in one entry is more than 12 h\.\s+Authorize anyway$/);
    const next = page.locator('#entries li', { has: page.locator('input[data-entry="E-NEXT"]') });
    expect(await next.locator('.flag-note').textContent()).toMatch(/It is dated 2026-01-06, after today \(2026-01-05\)/);
    expect(await text(page, '#totals')).toContain('Acme −1.00 h 1 entry');

    await long.locator('input[data-confirm]').check();
    expect(await text(page, '#authorize')).toBe('Authorize 2 of 6 entries');
    expect(await text(page, '#totals')).toContain('Acme −14.00 h 2 entries');
    expect(await long.evaluate((li) => li.classList.contains('skip'))).toBe(false);
    const previewed = (await text(page, '#skip-note')).match(/^(\d+) entries will be skipped/)?.[1];
    expect(previewed).toBe('4');

    await page.click('#authorize');
    await settled(page);
    expect(bridge.calls.filter((c) => c.name === 'authorizeEntries').map((c) => c.args)).toEqual([
      [['E-OK', 'E-LONG', 'E-NEXT', 'E-DUP', 'E-DUP', 'E-BAD'], { confirmed: ['E-LONG'] }],
    ]);
    expect(await text(page, '#authorize-result')).toMatch(
      new RegExp(`^Authorized 2 entries, skipped ${previewed} \\(1 to confirm with Authorize anyway\\)\\.`),
    );
    expect(await page.locator('#authorize-result .skipped li').count()).toBe(Number(previewed));
    expect((await page.locator('#authorize-result .done li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      'Acme 1.00 h 2026-01-05 · Ann · row 2 · E-OK Kick-off',
      'Acme 13.00 h 2026-01-05 · Bob · row 3 · E-LONG Launch night',
    ]);
    expect(rows(addon, 'Time entries').map((r) => [r['Entry ID'], r.Status || 'Open'])).toEqual([
      ['E-OK', 'Authorized'],
      ['E-LONG', 'Authorized'],
      ['E-NEXT', 'Open'],
      ['E-DUP', 'Open'],
      ['E-DUP', 'Open'],
      ['E-BAD', 'Open'],
    ]);
    expect(reasonOf(addon, 'E-NEXT')).toMatch(/dated 2026-01-06, after today/);
    expect(reasonOf(addon, 'E-LONG')).toBe('');
    // What is left would all be skipped: the button says so and stays disabled once the action is over.
    expect(await text(page, '#authorize')).toBe('Authorize 0 of 4 entries');
    expect(await page.locator('#authorize').isDisabled()).toBe(true);
  });

  it('disables Authorize when every listed entry would be skipped, until a flagged one is confirmed', async () => {
    const addon = workbook();
    const { page } = await openPage(addon);
    await page.selectOption('#f-client', 'Acme Labs');
    await settled(page);
    expect(await text(page, '#authorize')).toBe('Authorize 0 of 3 entries');
    expect(await page.locator('#authorize').isDisabled()).toBe(true);
    expect(await text(page, '#skip-note')).toBe('All 3 will be skipped, for the reasons shown in red, so there is nothing to authorize.');

    await page.selectOption('#f-client', 'Acme');
    await settled(page);
    await page.check('#entries input[data-entry="E-NEXT"]');
    expect(await text(page, '#authorize')).toBe('Authorize 0 of 1 chosen entry');
    expect(await page.locator('#authorize').isDisabled()).toBe(true);
    await page.check('#entries input[data-confirm="E-NEXT"]');
    expect(await text(page, '#authorize')).toBe('Authorize 1 chosen entry');
    expect(await page.locator('#authorize').isEnabled()).toBe(true);
  });

  it('shows someone who is not an authorizer the flags, without Authorize anyway', async () => {
    const addon = workbook();
    const { page } = await openPage(addon, { user: EDITOR });
    expect(await page.locator('#entries .flag-note').count()).toBe(2);
    expect(await page.locator('#entries input[data-confirm]').count()).toBe(0);
  });
});
