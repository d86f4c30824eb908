/**
 * saveClientSettings on the built bundle: only authorizers, every field validated with
 * its own message, and the client's Credits cells written in one batch.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addonWithSheets, EDITOR, rows } from '../../harness/workbook';

function workbook(): Addon {
  const addon = addonWithSheets();
  addClients(addon, [
    { Client: 'Acme', 'Minimum balance (h)': 5, 'Top-up (h)': 20, 'Billing email': 'ap@acme.example' },
    { Client: 'Beta', 'Minimum balance (h)': 1, 'Top-up (h)': 10 },
  ]);
  addon.server.addCredits('Acme', 4, 'Initial block');
  return addon;
}

const acme = (addon: Addon) => rows(addon, 'Credits').find((r) => r.Client === 'Acme');

describe('saveClientSettings', () => {
  it('writes the client row in one setValues and returns the client as the sidebar shows it', () => {
    const addon = workbook();
    addon.emu.calls.reset();
    const result = addon.server.saveClientSettings('Acme', {
      type: 'Contact',
      billingEmail: 'billing@acme.example',
      hourlyRate: '92.50',
      currency: 'usd',
      minimumHours: '8',
      topUpHours: '1:30',
      autoInvoice: true,
    });
    if (!result.ok) throw new Error(result.summary);
    expect(addon.emu.calls.count('Range.setValues')).toBe(1);
    expect(addon.emu.calls.count('Range.getValues')).toBe(2);
    expect(acme(addon)).toMatchObject({
      Type: 'Contact',
      'Billing email': 'billing@acme.example',
      'Hourly rate': 92.5,
      Currency: 'USD',
      'Minimum balance (h)': 8,
      'Top-up (h)': 1.5,
      'Auto-invoice': true,
      'Balance (h)': 4,
    });
    expect(result.client).toMatchObject({
      name: 'Acme',
      type: 'Contact',
      rateCents: 9250,
      currency: 'USD',
      minimumMinutes: 480,
      topUpMinutes: 90,
      autoInvoice: true,
      balanceMinutes: 240,
      underMinimum: true,
    });
    expect(rows(addon, 'Credits').find((r) => r.Client === 'Beta')).toMatchObject({ 'Minimum balance (h)': 1, 'Top-up (h)': 10 });
  });

  it('leaves out the fields it is not given', () => {
    const addon = workbook();
    addon.server.saveClientSettings('Acme', { minimumHours: 2 });
    expect(acme(addon)).toMatchObject({ 'Minimum balance (h)': 2, 'Top-up (h)': 20, 'Billing email': 'ap@acme.example' });
  });

  it('refuses bad values with a message per field and writes nothing', () => {
    const addon = workbook();
    const before = addon.emu.snapshot();
    const result = addon.server.saveClientSettings('Acme', {
      minimumHours: 'lots',
      topUpHours: '-3',
      hourlyRate: '85,50',
      currency: 'Euro',
      billingEmail: 'nobody',
      type: 'Person' as 'Company',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['billingEmail', 'currency', 'hourlyRate', 'minimumHours', 'topUpHours', 'type']);
    expect(result.errors.currency).toMatch(/three-letter currency code/);
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('is refused on the server for someone who is not an authorizer', () => {
    const addon = workbook();
    const before = addon.emu.snapshot();
    expect(() => addon.as(EDITOR).saveClientSettings('Acme', { minimumHours: 0 })).toThrow(/Only authorizers can do this/);
    expect(addon.emu.snapshot()).toEqual(before);
  });

  it('names an unknown client and an unknown setting', () => {
    const addon = workbook();
    expect(() => addon.server.saveClientSettings('Globex', { minimumHours: 1 })).toThrow(/no client "Globex" in Credits/);
    expect(() => addon.server.saveClientSettings('Acme', { balance: 100 } as object)).toThrow(/"balance" is not a client setting/);
  });
});
