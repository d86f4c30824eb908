/**
 * The server functions behind the sidebar's Credits and Settings panels, on the built
 * bundle: addCredits and adjustCredits answer with a message per field, addClient writes
 * one Credits row and refuses a name a person would read as one already there, and
 * invoiceClientNow invoices a client whose Auto-invoice is off, once per drop.
 */
import type { Addon } from '../../harness/addon';
import { addAcmeClients, addClients, addEntries, addonWithSheets, balances, EDITOR, rows } from '../../harness/workbook';
import { invoices } from '../../harness/invoicing';

function acme(): Addon {
  const addon = addonWithSheets();
  addAcmeClients(addon, { acme: 6, labs: 4 });
  return addon;
}

describe('addCredits and adjustCredits', () => {
  it('return a message per refused field and write nothing', () => {
    const addon = acme();
    const before = addon.emu.snapshot();
    expect(addon.server.addCredits('Globex', 'ten', '')).toEqual({
      ok: false,
      errors: { client: expect.stringMatching(/no client "Globex" in Credits/), hours: expect.stringMatching(/"ten" are not a number/) },
      summary: expect.stringMatching(/^Nothing was changed: /),
    });
    expect(addon.server.addCredits('Acme', 0, '')).toMatchObject({ ok: false, errors: { hours: 'Add more than 0 hours.' } });
    expect(addon.server.adjustCredits('', '-1:30', ' ')).toMatchObject({
      ok: false,
      errors: { client: 'Choose a client.', reason: expect.stringMatching(/Give a reason/) },
    });
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('keep their success shape, and refuse a non-authorizer with an error', () => {
    const addon = acme();
    expect(addon.server.addCredits('Acme', 2, 'More')).toMatchObject({ ok: true, client: 'Acme', minutes: 120, balance: { afterMinutes: 480 } });
    expect(() => addon.as(EDITOR).addCredits('Globex', 'ten', '')).toThrow(/Only authorizers/);
  });
});

describe('addClient', () => {
  const input = {
    name: 'Studio Noor',
    type: 'Contact' as const,
    billingEmail: 'noor@studio.test',
    hourlyRate: '75.50',
    currency: 'eur',
    minimumHours: '2',
    topUpHours: '10:30',
  };

  it('writes one Credits row, found by header, with the parsed values and a zero balance', () => {
    const addon = acme();
    addon.emu.calls.reset();
    const result = addon.server.addClient(input);
    expect(result).toMatchObject({ ok: true, client: { name: 'Studio Noor', rateCents: 7550, currency: 'EUR', topUpMinutes: 630, balanceMinutes: 0 } });
    expect(addon.emu.calls.count('Range.setValues')).toBe(1);
    expect(rows(addon, 'Credits').at(-1)).toMatchObject({
      Client: 'Studio Noor',
      Type: 'Contact',
      'Billing email': 'noor@studio.test',
      'Hourly rate': 75.5,
      Currency: 'EUR',
      'Minimum balance (h)': 2,
      'Top-up (h)': 10.5,
      'Auto-invoice': false,
      'Balance (h)': 0,
    });
    expect(addon.server.getSidebarData({}).clients.map((c) => c.name)).toEqual(['Acme', 'Acme Labs', 'Studio Noor']);
    expect(addon.server.addCredits('Studio Noor', 5, 'First block')).toMatchObject({ ok: true });
  });

  it.each([
    ['Acme', /"Acme" is already in Credits/],
    ['acme ', /"Acme" is already in Credits; names that differ only in case or spaces/],
    ['ACME   LABS', /"Acme Labs" is already in Credits/],
    ['', /Enter the client's name/],
  ])('refuses the name %j, and writes nothing', (name, message) => {
    const addon = acme();
    const before = addon.emu.snapshot();
    const result = addon.server.addClient({ ...input, name });
    expect(result).toMatchObject({ ok: false, errors: { name: expect.stringMatching(message) } });
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('refuses each bad field with its own message', () => {
    const addon = acme();
    const result = addon.server.addClient({ name: 'New', billingEmail: 'not mail', hourlyRate: 'lots', currency: 'euro', minimumHours: '-1', topUpHours: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['billingEmail', 'currency', 'hourlyRate', 'minimumHours', 'topUpHours']);
    expect(rows(addon, 'Credits')).toHaveLength(2);
  });

  it('writes a formula-like name as text, and refuses a non-authorizer', () => {
    const addon = acme();
    expect(addon.server.addClient({ name: '=HYPERLINK("https://evil.example")' })).toMatchObject({ ok: true });
    expect(rows(addon, 'Credits').at(-1)?.Client).toBe('=HYPERLINK("https://evil.example")');
    expect(() => addon.as(EDITOR).addClient({ name: 'Sneaky' })).toThrow(/Only authorizers/);
  });
});

describe('invoiceClientNow', () => {
  /** Studio Noor: auto-invoice off, far below zero. */
  function belowZero(): Addon {
    const addon = addonWithSheets();
    addon.server.saveSettings({ invoiceAfterAuthorization: true });
    addClients(addon, [{ Client: 'Studio Noor', 'Hourly rate': 80, 'Minimum balance (h)': 0, 'Top-up (h)': 40, 'Auto-invoice': false }]);
    addon.server.addCredits('Studio Noor', 10, 'Block');
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'];
    addEntries(
      addon,
      days.map((day, i) => ({ 'Entry ID': `E-N${i + 1}`, Date: day, Client: 'Studio Noor', Hours: '10:27' })),
    );
    addon.server.authorizeEntries(days.map((_, i) => `E-N${i + 1}`));
    return addon;
  }

  it('is not invoiced by the hourly run, and is invoiced once when an authorizer asks', () => {
    const addon = belowZero();
    expect(balances(addon)).toEqual({ 'Studio Noor': -31.8 });
    expect(addon.server.runAutomaticInvoicing().created).toEqual([]);
    expect(invoices(addon)).toEqual([]);

    const run = addon.server.invoiceClientNow('Studio Noor');
    expect(run.created.map((v) => [v.client, v.minutes, v.amountCents, v.status])).toEqual([['Studio Noor', 2400, 320000, 'Open']]);
    expect(invoices(addon)).toHaveLength(1);
    const again = addon.server.invoiceClientNow('Studio Noor');
    expect(again.created).toEqual([]);
    expect(again.alreadyInvoiced).toEqual([{ client: 'Studio Noor', invoiceNo: run.created[0].invoiceNo, status: 'Open' }]);
    expect(invoices(addon)).toHaveLength(1);
  });

  it('says no invoice is needed above the minimum, and refuses a non-authorizer or an unknown client', () => {
    const addon = acme();
    expect(addon.server.invoiceClientNow('Acme')).toMatchObject({
      created: [],
      summary: 'Acme is at 6.00 h, not below its minimum of 5.00 h, so no invoice is needed.',
    });
    expect(() => addon.server.invoiceClientNow('Globex')).toThrow(/no client "Globex"/);
    const noor = belowZero();
    const before = noor.emu.snapshot();
    expect(() => noor.as(EDITOR).invoiceClientNow('Studio Noor')).toThrow(/Only authorizers/);
    expect(noor.emu.snapshot()).toEqual(before);
  });
});
