/**
 * The sidebar in a real browser: Debian's chromium (playwright-core) showing the built
 * dist/Sidebar.html through the local bridge, whose google.script.run calls run on the
 * built server bundle in the emulator. Each test checks what the page shows and what the
 * emulated workbook holds afterwards.
 */
import type { Addon } from '../../harness/addon';
import { addAcmeClients, addClients, addEntries, addonWithSheets, balances, EDITOR, OWNER, rows } from '../../harness/workbook';
import { settled, text, sidebarSession, type SidebarPage, callAsCraftedPage } from '../../harness/chromium';

const openPage = sidebarSession();

/** Acme (6 h) and Acme Labs (4 h), with open entries, one of them with unreadable hours and one for a client not in Credits. */
function workbook(): Addon {
  const addon = addonWithSheets();
  addAcmeClients(addon, { acme: 6, labs: 4 });
  addEntries(addon, [
    { 'Entry ID': 'E-ACME-A', Client: 'Acme', Person: 'Ann', Hours: '1:30', Description: 'Kick-off' },
    { 'Entry ID': 'E-ACME-B', Client: 'Acme', Person: 'Bob', Hours: 2, Description: 'Design' },
    { 'Entry ID': 'E-LABS-A', Client: 'Acme Labs', Person: 'Ann', Hours: '45m', Description: 'Review' },
    { 'Entry ID': 'E-LABS-BAD', Client: 'Acme Labs', Person: 'Bob', Hours: 'two hours', Description: 'Typo' },
    { 'Entry ID': 'E-GLOBEX', Client: 'Globex', Person: 'Ann', Hours: 1, Description: 'Wrong client' },
  ]);
  return addon;
}

async function sidebar(addon: Addon, opts: Parameters<typeof openPage>[1] = {}): Promise<SidebarPage> {
  const opened = await openPage(addon, opts);
  return opened;
}

function statuses(addon: Addon): Record<string, unknown> {
  return Object.fromEntries(rows(addon, 'Time entries').map((r) => [r['Entry ID'], r.Status || 'Open']));
}

function logRows(addon: Addon, kind: string): Record<string, unknown>[] {
  return rows(addon, 'Prepaid log').filter((r) => r.Kind === kind);
}

describe('the Authorize panel', () => {
  it('filters to a client, authorizes, and the workbook shows Status, log rows and balance', async () => {
    const addon = workbook();
    const { page } = await sidebar(addon);
    await page.selectOption('#f-client', 'Acme');
    await settled(page);
    expect(await page.locator('#entries input[data-entry]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'E-ACME-A',
      'E-ACME-B',
    ]);
    expect(await text(page, '#totals')).toContain('Acme −3.50 h 2 entries: 3.50 h logged Balance 6.00 h → 2.50 h Below its minimum of 5.00 h');
    expect(await text(page, '#authorize')).toBe('Authorize all 2 entries');

    await page.click('#authorize');
    await settled(page);
    expect(await text(page, '#authorize-result')).toMatch(
      /^Authorized 2 entries\. Acme is at 2\.50 h \(below its minimum of 5\.00 h\)\. Authorized Acme 1\.50 h 2026-01-05 · Ann · row 2 · E-ACME-A Kick-off Acme 2\.00 h 2026-01-05 · Bob · row 3 · E-ACME-B Design$/,
    );
    expect(statuses(addon)).toEqual({ 'E-ACME-A': 'Authorized', 'E-ACME-B': 'Authorized', 'E-LABS-A': 'Open', 'E-LABS-BAD': 'Open', 'E-GLOBEX': 'Open' });
    expect(logRows(addon, 'Deduction').map((r) => [r['Entry ID'], r.Hours, r['Balance after (h)'], r.By])).toEqual([
      ['E-ACME-A', -1.5, 4.5, OWNER],
      ['E-ACME-B', -2, 2.5, OWNER],
    ]);
    expect(balances(addon)).toEqual({ Acme: 2.5, 'Acme Labs': 4 });
    expect(await text(page, '#entries')).toBe('No open entries match these filters.');
  });

  it('authorizes the chosen entries only, and the result lists each skipped entry with its reason', async () => {
    const addon = workbook();
    const { page, bridge } = await sidebar(addon);
    for (const id of ['E-LABS-A', 'E-LABS-BAD', 'E-GLOBEX']) await page.check(`#entries input[data-entry="${id}"]`);
    expect(await text(page, '#authorize')).toBe('Authorize 1 of 3 chosen entries');
    expect(await text(page, '#totals')).toContain('Acme Labs −0.75 h 1 entry: 0.75 h logged Balance 4.00 h → 3.25 h');
    expect(await text(page, '#skip-note')).toBe('2 entries will be skipped, for the reasons shown in red; the others go through.');
    await page.click('#authorize');
    await settled(page);
    expect(bridge.calls.filter((c) => c.name === 'authorizeEntries').map((c) => c.args)).toEqual([[['E-LABS-A', 'E-LABS-BAD', 'E-GLOBEX'], { confirmed: [] }]]);
    const skipped = await page.locator('#authorize-result .skipped li').allInnerTexts();
    expect(skipped.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^Acme Labs two hours 2026-01-05 · Bob · row 5 · E-LABS-BAD Typo Entry E-LABS-BAD \(row 5\): Hours "two hours" are not a number/),
      expect.stringMatching(/^Globex 1\.00 h 2026-01-05 · Ann · row 6 · E-GLOBEX Wrong client Entry E-GLOBEX names "Globex", which is not in Credits/),
    ]);
    expect(await text(page, '#authorize-result')).toMatch(/^Authorized 1 entry, skipped 2\./);
    expect(statuses(addon)).toMatchObject({ 'E-ACME-A': 'Open', 'E-LABS-A': 'Authorized', 'E-LABS-BAD': 'Open', 'E-GLOBEX': 'Open' });
  });

  it('reverses one authorized entry with a reason', async () => {
    const addon = workbook();
    addon.server.authorizeEntries(['E-ACME-A', 'E-ACME-B']);
    const { page, bridge } = await sidebar(addon);
    await page.selectOption('#f-status', 'authorized');
    await settled(page);
    expect(await page.locator('#authorize-form').isHidden()).toBe(true);
    await page.check('#entries input[data-entry="E-ACME-B"]');
    expect(await text(page, '#reverse')).toBe('Reverse 1 entry');
    await page.click('#reverse');
    expect(await text(page, '#reverse-form [data-error-for="reason"]')).toBe("Give a reason; it appears in the client's prepaid log.");
    expect(bridge.calls.some((c) => c.name === 'reverseEntries')).toBe(false);

    await page.fill('#reverse-reason', 'Logged against the wrong client');
    await page.press('#reverse-reason', 'Enter');
    await settled(page);
    expect(await text(page, '#authorize-result')).toMatch(
      /^Reversed 1 entry\. Acme is at 4\.50 h \(below its minimum of 5\.00 h\)\. Reversed Acme 2\.00 h 2026-01-05 · Bob · row 3 · E-ACME-B Design$/,
    );
    expect(logRows(addon, 'Reversal').map((r) => [r['Entry ID'], r.Hours, r.Description])).toEqual([['E-ACME-B', 2, 'Logged against the wrong client']]);
    expect(statuses(addon)).toMatchObject({ 'E-ACME-A': 'Authorized', 'E-ACME-B': 'Open' });
    expect(balances(addon).Acme).toBe(4.5);
    expect(await page.locator('#entries input[data-entry]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(['E-ACME-A']);
  });

  it('deducts once when Authorize is double-clicked or the form is sent twice', async () => {
    const addon = workbook();
    const { page, bridge } = await sidebar(addon, { latencyMs: 400 });
    await page.selectOption('#f-client', 'Acme');
    await settled(page);
    await page.dblclick('#authorize');
    await page.evaluate(() => (document.getElementById('authorize-form') as HTMLFormElement).requestSubmit());
    expect(await page.locator('#authorize').isDisabled()).toBe(true);
    expect(await page.locator('#authorize.busy').count()).toBe(1);
    await settled(page);
    expect(bridge.calls.filter((c) => c.name === 'authorizeEntries')).toHaveLength(1);
    expect(logRows(addon, 'Deduction').map((r) => r['Entry ID'])).toEqual(['E-ACME-A', 'E-ACME-B']);
    expect(balances(addon).Acme).toBe(2.5);
    expect(await page.locator('#f-client').isEnabled()).toBe(true);
  });

  it('shows a non-authorizer the entries and totals but no actions, and the server refuses their direct calls', async () => {
    const addon = workbook();
    const before = addon.emu.snapshot();
    const { page } = await sidebar(addon, { user: EDITOR });
    expect(await text(page, '#whoami')).toBe(`Signed in as ${EDITOR} · can log time`);
    expect(await page.locator('#entries li.entry').count()).toBe(5);
    expect(await page.locator('#totals .total').count()).toBe(2);
    expect(await page.locator('#authorize').isVisible()).toBe(false);
    expect(await text(page, '#who-can')).toBe(`You can see the entries and totals. Only authorizers can authorize or reverse them: ${OWNER}.`);
    await page.click('#tab-credits');
    expect(await page.locator('#credit-forms').isHidden()).toBe(true);
    expect(await page.locator('details[data-client="Acme"] input[name="minimumHours"]').isDisabled()).toBe(true);
    await page.click('#tab-settings');
    expect(await page.locator('#s-authorizers').isDisabled()).toBe(true);
    expect(await page.locator('#save-settings').isVisible()).toBe(false);

    // The sidebar only hides; the server decides. Call it the way a crafted page would.
    const answers = await callAsCraftedPage(page, [
      ['authorizeEntries', ['E-ACME-A']],
      ['addCredits', 'Acme', 10, 'free hours'],
      ['saveClientSettings', 'Acme', { minimumHours: 0 }],
      ['saveSettings', { authorizers: ['editor@agency.test'] }],
    ]);
    expect(answers[0]).toMatchObject({ done: [], skipped: [{ entryId: 'E-ACME-A', code: 'not-allowed' }] });
    expect(answers.slice(1)).toEqual([
      expect.stringMatching(/^refused: Only authorizers/),
      expect.stringMatching(/^refused: Only authorizers/),
      expect.stringMatching(/^refused: Only authorizers/),
    ]);
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('shows a hostile client name and description as text', async () => {
    const addon = workbook();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    addClients(addon, [{ Client: hostile }]);
    addEntries(addon, [
      {
        'Entry ID': 'E-HOSTILE',
        Client: hostile,
        Person: '"><svg onload="window.__pwned=2">',
        Hours: 1,
        Description: '<script>window.__pwned=3</script><b>bold</b>',
      },
    ]);
    const { page } = await sidebar(addon);
    const item = page.locator('#entries li', { has: page.locator('input[data-entry="E-HOSTILE"]') });
    expect(await item.innerText()).toContain(hostile);
    expect(await item.innerText()).toContain('<script>window.__pwned=3</script><b>bold</b>');
    expect(await item.innerText()).toContain('"><svg onload="window.__pwned=2">');
    await page.click('#tab-credits');
    expect(await page.locator('.client-card .name').allInnerTexts()).toContain(hostile);
    await page.click('#tab-track');
    expect(await page.locator('#log-client option').allInnerTexts()).toContain(hostile);
    expect(await page.locator('img, svg, #entries script, #entries b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('the Credits panel', () => {
  it("saves a client's minimum and top-up, and Credits holds them", async () => {
    const addon = workbook();
    const { page } = await sidebar(addon);
    await page.click('#tab-credits');
    const card = page.locator('details[data-client="Acme"]');
    expect(await card.evaluate((el) => el.classList.contains('under'))).toBe(false);
    await card.locator('summary').click();
    await card.locator('input[name="minimumHours"]').fill('lots');
    await card.getByRole('button', { name: 'Save' }).click();
    await settled(page);
    expect(await card.locator('[data-error-for="minimumHours"]').innerText()).toMatch(/"lots" are not a number/);
    expect(rows(addon, 'Credits')[0]['Minimum balance (h)']).toBe(5);

    await card.locator('input[name="minimumHours"]').fill('8');
    await card.locator('input[name="topUpHours"]').fill('1:30');
    await card.locator('input[name="topUpHours"]').press('Enter');
    await settled(page);
    expect(await text(page, '#credits-message')).toBe('Saved the settings of Acme.');
    expect(rows(addon, 'Credits')[0]).toMatchObject({ Client: 'Acme', 'Minimum balance (h)': 8, 'Top-up (h)': 1.5, 'Balance (h)': 6 });
    // The redrawn card stays open, shows the saved values and now stands out: 6 h is under the new minimum.
    expect(await card.evaluate((el) => el.classList.contains('under') && (el as HTMLDetailsElement).open)).toBe(true);
    expect(await card.locator('input[name="topUpHours"]').inputValue()).toBe('1.5');
    expect(await text(page, 'details[data-client="Acme"] summary')).toBe('Acme 6.00 h Below its minimum of 8.00 h');
  });

  it('adds credits with a note and adjusts a balance with a reason', async () => {
    const addon = workbook();
    const { page } = await sidebar(addon);
    await page.click('#tab-credits');
    await page.selectOption('#add-client', 'Acme Labs');
    expect(await page.inputValue('#add-hours')).toBe('10');
    // A refusal from the server is shown under its field, and the form stays usable.
    await page.fill('#add-hours', 'ten');
    await page.click('#add-credits');
    await settled(page);
    expect(await text(page, '#add-credits-form [data-error-for="hours"]')).toBe('Hours "ten" are not a number. Use 1.5, 1:30, 1h30 or 90m.');
    expect(await page.getAttribute('#add-hours', 'aria-invalid')).toBe('true');
    expect(await text(page, '#credits-message')).toBe('Nothing was changed. Correct the fields marked below.');
    expect(await page.getAttribute('#credits-message', 'class')).toBe('message error');
    expect(await page.locator('#add-credits').isEnabled()).toBe(true);
    expect(logRows(addon, 'Top-up')).toHaveLength(2);

    await page.fill('#add-hours', '10');
    await page.fill('#add-note', 'Invoice 2026-007 paid');
    await page.click('#add-credits');
    await settled(page);
    expect(await text(page, '#credits-message')).toBe('Top-up of +10.00 h for Acme Labs: balance 14.00 h.');
    expect(logRows(addon, 'Top-up').at(-1)).toMatchObject({ Client: 'Acme Labs', Hours: 10, Description: 'Invoice 2026-007 paid' });
    expect(await text(page, 'details[data-client="Acme Labs"] .balance')).toBe('14.00 h');

    await page.selectOption('#adjust-client', 'Acme');
    await page.fill('#adjust-hours', '-1:30');
    await page.click('#adjust');
    expect(await text(page, '#adjust-form [data-error-for="reason"]')).toMatch(/Give a reason/);
    await page.fill('#adjust-reason', 'Goodwill for the outage');
    await page.press('#adjust-reason', 'Enter');
    await settled(page);
    expect(logRows(addon, 'Adjustment')).toEqual([expect.objectContaining({ Client: 'Acme', Hours: -1.5, Description: 'Goodwill for the outage' })]);
    expect(balances(addon)).toEqual({ Acme: 4.5, 'Acme Labs': 14 });
  });
});

describe('the Track time panel', () => {
  it('logs time through the form from the keyboard, with a message next to a bad hours value', async () => {
    const addon = workbook();
    const { page } = await sidebar(addon);
    await page.click('#tab-track');
    expect(await page.inputValue('#log-date')).toBe('2026-01-05');
    expect(await page.inputValue('#log-person')).toBe('Owner');
    await page.selectOption('#log-client', 'Acme Labs');
    await page.fill('#log-description', 'Workshop');
    await page.fill('#log-hours', 'two hours');
    await page.press('#log-hours', 'Enter');
    await settled(page);
    expect(await text(page, '#log-form [data-error-for="hours"]')).toBe('Hours "two hours" are not a number. Use 1.5, 1:30, 1h30 or 90m.');
    expect(await page.getAttribute('#log-hours', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('log-hours');
    expect(rows(addon, 'Time entries')).toHaveLength(5);

    await page.fill('#log-hours', '1:30');
    await page.press('#log-hours', 'Enter');
    await settled(page);
    expect(await text(page, '#track-message')).toMatch(/^Logged 1\.50 h for Acme Labs on 2026-01-05 \(E-[0-9A-F]{10,}\)\.$/);
    expect(await page.getAttribute('#log-hours', 'aria-invalid')).toBeNull();
    expect(await text(page, '#log-form [data-error-for="hours"]')).toBe('');
    expect(rows(addon, 'Time entries').at(-1)).toMatchObject({ Client: 'Acme Labs', Person: 'Owner', Description: 'Workshop', Hours: 1.5, Status: 'Open' });
    await page.click('#tab-authorize');
    expect(await page.locator('#entries li.entry', { hasText: 'Workshop' }).count()).toBe(1);
  });

  it('keeps a started timer across a reload, and stopping it logs the entry in Time entries', async () => {
    const addon = workbook();
    const { page } = await sidebar(addon, { user: EDITOR });
    await page.click('#tab-track');
    await page.selectOption('#timer-client', 'Acme');
    await page.fill('#timer-description', 'Support call');
    await page.click('#start-timer');
    await settled(page);
    expect(await text(page, '#timer-what')).toBe('Acme — Support call');

    await page.reload();
    await page.locator('#whoami').filter({ hasText: 'Signed in as' }).waitFor();
    await page.click('#tab-track');
    expect(await page.locator('#timer-running').isVisible()).toBe(true);
    expect(await text(page, '#timer-since')).toBe('Started 2026-01-05 10:00');
    addon.emu.clock.advance(25 * 60_000);
    await page.click('#stop-timer');
    await settled(page);
    expect(await text(page, '#track-message')).toMatch(/^Logged 0\.42 h for Acme on 2026-01-05/);
    expect(rows(addon, 'Time entries').at(-1)).toMatchObject({ Client: 'Acme', Person: 'Editor', Description: 'Support call', Hours: 25 / 60 });
    expect(await page.locator('#timer-form').isVisible()).toBe(true);
  });
});

describe('the Settings panel', () => {
  it('saves the authorizers and the rounding rule, and says why a bad value is refused', async () => {
    const addon = workbook();
    const { page } = await sidebar(addon);
    await page.click('#tab-settings');
    expect(await page.inputValue('#s-authorizers')).toBe(OWNER);
    await page.fill('#s-authorizers', `${OWNER}\nnot-an-email`);
    await page.click('#save-settings');
    await settled(page);
    expect(await text(page, '#settings-message')).toBe('Settings were not saved: authorizers "not-an-email" is not an email address.');
    expect(addon.server.getSettings().authorizers).toEqual([OWNER]);

    await page.fill('#s-authorizers', `${OWNER}\nPM@Agency.test`);
    await page.selectOption('#s-rounding', '30');
    await page.click('#save-settings');
    await settled(page);
    // A change of authorizers moves the protections of the ledger sheets with it, and says so.
    expect(await text(page, '#settings-message')).toMatch(
      /^Settings saved\. Prepaid log, Invoices, Credits, Prepaid seal are protected: only owner@agency\.test, pm@agency\.test/,
    );
    expect(addon.server.getSettings()).toMatchObject({ authorizers: [OWNER, 'pm@agency.test'], roundingMinutes: 30 });
    // The preview follows the new rule at once: Acme Labs' 45 minutes now deduct an hour.
    await page.click('#tab-authorize');
    expect(await text(page, '#totals')).toContain('Acme Labs −1.00 h 1 entry: 0.75 h logged, 1.00 h after rounding');
  });
});

describe('keyboard access', () => {
  it('moves between tabs with the arrow keys, labels every field and shows where the focus is', async () => {
    const { page } = await sidebar(workbook());
    await page.focus('#tab-authorize');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-credits');
    expect(await page.locator('#panel-credits').isVisible()).toBe(true);
    expect(await page.locator('#panel-authorize').isHidden()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-settings', 'aria-selected')).toBe('true');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });
});

describe('the ledger notice', () => {
  /** The workbook after an authorizer typed 100 into the Hours of Acme's first log row. */
  function forged(): { addon: Addon; logId: string } {
    const addon = workbook();
    const log = addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
    log.getRange('E2').setValue(100);
    return { addon, logId: String(rows(addon, 'Prepaid log')[0]['Log ID']) };
  }

  it('shows an authorizer what changed, and Restore resumes the ledger actions', async () => {
    const { addon, logId } = forged();
    const { page } = await sidebar(addon);
    expect(await page.locator('#ledger-notice').isVisible()).toBe(true);
    expect(await text(page, '#ledger-notice h2')).toBe('The prepaid log was changed by hand');
    expect(await page.locator('.ledger-changes li').allInnerTexts()).toEqual(['Hours was 6.00, now 100.00']);
    await page.click('#authorize');
    await settled(page);
    expect(await text(page, '#authorize-result')).toContain(`Nothing was authorized. Log row ${logId} on sheet row 2 was edited by hand`);
    expect(balances(addon)).toEqual({ Acme: 6, 'Acme Labs': 4 });
    await page.click('#ledger-restore');
    await settled(page);
    expect(await page.locator('#ledger-notice').isVisible()).toBe(false);
    expect(balances(addon)).toEqual({ Acme: 6, 'Acme Labs': 4 });
    expect(rows(addon, 'Prepaid log')[0].Hours).toBe(6);
  });

  it('Accept needs a reason and records it in a Re-seal row; someone else sees only a short notice', async () => {
    const { addon, logId } = forged();
    const other = await sidebar(addon, { user: EDITOR });
    expect(await text(other.page, '#ledger-notice')).toMatch(
      /^The prepaid log was changed by hand, so authorizing, top-ups and invoicing are paused .* Logging time still works\.$/,
    );
    expect(await other.page.locator('#ledger-restore').count()).toBe(0);
    const { page, bridge } = await sidebar(addon);
    await page.click('#ledger-accept');
    expect(bridge.calls.filter((c) => c.name === 'acceptLedgerEdit')).toEqual([]);
    await page.fill('#ledger-accept-reason', 'Client bought 94 h by phone');
    await page.click('#ledger-accept');
    await settled(page);
    expect(await page.locator('#ledger-notice').isVisible()).toBe(false);
    const reseal = rows(addon, 'Prepaid log').find((r) => r.Kind === 'Re-seal')!;
    expect([reseal.Client, reseal.Hours, reseal.Reference]).toEqual(['Acme', 0, logId]);
    expect(String(reseal.Description)).toContain('Client bought 94 h by phone');
    expect(balances(addon)).toEqual({ Acme: 100, 'Acme Labs': 4 });
  });
});
