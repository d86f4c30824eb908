/**
 * The sidebar's server API on the built bundle: getSidebarData's filters, preview totals,
 * permission line, invoicing status and client log files; showSidebar and the menu item.
 * Calls go through JSON as google.script.run sends them.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addEntries, addonWithSheets, EDITOR, OWNER, rows } from '../../harness/workbook';

/** Acme (rounds to 15 min, minimum 5 h) and Beta (minimum 1 h), topped up, with open entries from two people. */
function workbook(): Addon {
  const addon = addonWithSheets();
  addClients(addon, [
    { Client: 'Acme', 'Minimum balance (h)': 5, 'Top-up (h)': 20 },
    { Client: 'Beta', 'Minimum balance (h)': 1, 'Top-up (h)': 10 },
  ]);
  addon.server.saveSettings({ roundingMinutes: 15 });
  addon.server.addCredits('Acme', 6, 'Initial block');
  addon.server.addCredits('Beta', 2, 'Initial block');
  addEntries(addon, [
    { 'Entry ID': 'E-ACME-A', Date: '2026-01-02', Client: 'Acme', Person: 'Ann', Hours: '0:50', Description: 'Kick-off' },
    { 'Entry ID': 'E-ACME-B', Date: '2026-01-05', Client: 'Acme', Person: 'Bob', Hours: 1, Select: true },
    { 'Entry ID': 'E-BETA-A', Date: '2026-01-05', Client: 'Beta', Person: 'Ann', Hours: '2h30' },
    { 'Entry ID': 'E-BAD', Date: '2026-01-06', Client: 'Acme', Person: 'Ann', Hours: 'lots' },
  ]);
  return addon;
}

describe('getSidebarData', () => {
  it('returns the user, permission, settings, clients and the open entries with preview totals', () => {
    const addon = workbook();
    const data = addon.server.getSidebarData({});
    expect(data.user).toBe(OWNER);
    expect(data.canAuthorize).toBe(true);
    expect(data.settings.roundingMinutes).toBe(15);
    expect(data.today).toBe('2026-01-05');
    expect(data.clients.map((c) => [c.name, c.balanceMinutes, c.minimumMinutes, c.underMinimum])).toEqual([
      ['Acme', 360, 300, false],
      ['Beta', 120, 60, false],
    ]);
    expect(data.entries.map((e) => [e.entryId, e.minutes, e.deductMinutes])).toEqual([
      ['E-ACME-A', 50, 60],
      ['E-ACME-B', 60, 60],
      ['E-BETA-A', 150, 150],
      ['E-BAD', null, null],
    ]);
    expect(data.entries[3].problem).toMatch(/"lots" are not a number/);
    expect(data.totals).toEqual([
      expect.objectContaining({
        client: 'Acme',
        entries: 2,
        rawMinutes: 110,
        deductMinutes: 120,
        beforeMinutes: 360,
        afterMinutes: 240,
        belowMinimum: true,
        negative: false,
      }),
      expect.objectContaining({
        client: 'Beta',
        entries: 1,
        rawMinutes: 150,
        deductMinutes: 150,
        beforeMinutes: 120,
        afterMinutes: -30,
        belowMinimum: true,
        negative: true,
      }),
    ]);
    expect(data.people).toEqual(['Ann', 'Bob']);
  });

  it('filters by client, person and date range, and by ticked rows', () => {
    const addon = workbook();
    const ids = (filter: object) => addon.server.getSidebarData(filter).entries.map((e) => e.entryId);
    expect(ids({ client: 'Acme' })).toEqual(['E-ACME-A', 'E-ACME-B', 'E-BAD']);
    expect(ids({ person: 'ann' })).toEqual(['E-ACME-A', 'E-BETA-A', 'E-BAD']);
    expect(ids({ from: '2026-01-05', to: '2026-01-05' })).toEqual(['E-ACME-B', 'E-BETA-A']);
    expect(ids({ client: 'Acme', from: '2026-01-03' })).toEqual(['E-ACME-B', 'E-BAD']);
    expect(ids({ source: 'ticked' })).toEqual(['E-ACME-B']);
  });

  it('lists the rows selected in the sheet, or says where to select', () => {
    const addon = workbook();
    const none = addon.server.getSidebarData({ source: 'selected' });
    expect(none.entries).toEqual([]);
    expect(none.notice).toMatch(/Select one or more rows in the "Time entries" sheet/);
    addon.emu.setSelection('Time entries', 'A3:J4');
    expect(addon.server.getSidebarData({ source: 'selected' }).entries.map((e) => e.entryId)).toEqual(['E-ACME-B', 'E-BETA-A']);
  });

  it('lists authorized entries with what they deducted, for reversal, and none of them as open', () => {
    const addon = workbook();
    addon.server.authorizeEntries(['E-ACME-A']);
    const authorized = addon.server.getSidebarData({ status: 'authorized' });
    expect(authorized.entries.map((e) => [e.entryId, e.status, e.deductMinutes, e.authorizedBy])).toEqual([['E-ACME-A', 'Authorized', 60, OWNER]]);
    expect(authorized.totals).toEqual([]);
    expect(addon.server.getSidebarData({}).entries.map((e) => e.entryId)).not.toContain('E-ACME-A');
  });

  it('works for a non-authorizer, saying who can authorize', () => {
    const addon = workbook();
    const data = addon.as(EDITOR).getSidebarData({});
    expect(data.canAuthorize).toBe(false);
    expect(data.permission).toContain(OWNER);
    expect(data.entries).toHaveLength(4);
    expect(data.totals).toHaveLength(2);
  });

  it('takes no lock and writes nothing when every row has an Entry ID', () => {
    const addon = workbook();
    addon.emu.calls.reset();
    addon.server.getSidebarData({});
    expect(addon.emu.calls.count('LockService.getDocumentLock')).toBe(0);
    expect(addon.emu.calls.count('Range.setValues')).toBe(0);
    expect(addon.emu.calls.count('Properties.setProperty')).toBe(0);
    // Credits, Prepaid log, Time entries and Invoices, once each.
    expect(addon.emu.calls.count('Range.getValues')).toBe(4);
  });

  it('gives rows without an Entry ID one, so the sidebar can authorize them', () => {
    const addon = workbook();
    addEntries(addon, [{ Client: 'Beta', Hours: 1 }]);
    const listed = addon.server.getSidebarData({ client: 'Beta' }).entries;
    expect(listed).toHaveLength(2);
    expect(listed[1].entryId).toMatch(/^E-[0-9A-F]{10,}$/);
    expect(rows(addon, 'Time entries')[4]['Entry ID']).toBe(listed[1].entryId);
    expect(addon.server.authorizeEntries([listed[1].entryId]).done).toHaveLength(1);
  });

  it('returns the invoicing status, the unpaid invoices and, for authorizers, the client log files', () => {
    const addon = workbook();
    addon.server.saveClientSettings('Beta', { autoInvoice: true });
    addon.server.saveSettings({ invoiceAfterAuthorization: false });
    addon.server.authorizeEntries(['E-BETA-A']);
    addon.server.installInvoicingTrigger();
    addon.server.runAutomaticInvoicing();
    addon.server.shareClientLog('Acme', 'Finance@Acme.test');

    const data = addon.server.getSidebarData({});
    expect(data.invoicing.status).toMatchObject({ yours: true, installedBy: OWNER, lastRun: { by: OWNER, created: ['INV-2026-0001'] } });
    expect(data.invoicing.installedAt).toBe('2026-01-05 10:00');
    expect(data.invoicing.lastRunAt).toBe('2026-01-05 10:00');
    expect(data.invoicing.open).toEqual([
      expect.objectContaining({
        invoiceNo: 'INV-2026-0001',
        client: 'Beta',
        day: '2026-01-05',
        minutes: 600,
        amountCents: 90000,
        currency: 'EUR',
        status: 'Open',
        document: expect.stringMatching(/^https:/),
        pdf: expect.stringMatching(/^https:/),
      }),
    ]);
    expect(data.invoicing.problem).toBe('');
    const fileId = addon.emu.files.byName('Prepaid log — Acme')[0].id;
    expect(data.clientLogs).toEqual([
      { client: 'Acme', url: `https://docs.google.com/spreadsheets/d/${fileId}/edit`, sharedWith: ['finance@acme.test'], linkSharing: false },
    ]);
    // The address is the one the file itself gives.
    expect(data.clientLogs[0].url).toBe(addon.server.exportPrepaidLog('Acme').url);

    addon.server.markInvoicePaid('INV-2026-0001');
    expect(addon.server.getSidebarData({}).invoicing.open).toEqual([]);
    const editor = addon.as(EDITOR).getSidebarData({});
    expect(editor.invoicing.status).toMatchObject({ yours: false, installedBy: OWNER });
    expect(editor.clientLogs).toEqual([]);
  });

  it('still loads when the Invoices sheet cannot be read, and says why', () => {
    const addon = workbook();
    addon.emu.spreadsheet.getSheetByName('Invoices')!.getRange(1, 1).setValue('Number');
    const data = addon.server.getSidebarData({});
    expect(data.invoicing.open).toEqual([]);
    expect(data.invoicing.problem).toMatch(/^The "Invoices" sheet has no "Invoice no" column\./);
    expect(data.entries).toHaveLength(4);
  });

  it('refuses a filter it cannot read', () => {
    const addon = workbook();
    expect(() => addon.server.getSidebarData({ from: '5 January' })).toThrow(/not a date written yyyy-mm-dd/);
    expect(() => addon.server.getSidebarData({ status: 'closed' as 'open' })).toThrow(/not open or authorized/);
  });
});

describe('showSidebar', () => {
  it('shows the built sidebar, titled, and the menu opens it', () => {
    const addon = workbook();
    addon.server.showSidebar();
    const [sidebar] = addon.emu.ui.sidebars;
    expect(sidebar.title).toBe('Prepaid Time');
    expect(sidebar.html).toContain('id="panel-authorize"');
    expect(sidebar.html).not.toMatch(/<link|<script[^>]+src=|@import/);
    addon.server.onOpen();
    expect(addon.emu.ui.menus.at(-1)?.items).toContainEqual({ caption: 'Open sidebar', fn: 'showSidebar' });
  });
});
