/**
 * The Credits sheet on the emulator: one getValues to read every client, settings parsed
 * from what people type, duplicate and unknown names refused with codes, and balances
 * written from the log in one block, only where they differ.
 */
import { readRows } from '../../emulator/sheet-rows';
import { CreditsRepository } from '../../src/sheets/credits.repository';
import { ledgerOf, row } from '../../harness/builders';
import { dataCallsOf, setUpApps, thrownBy } from '../../harness/emulated';
import { type ClientSpec, pasteClients } from '../../harness/workbook';

/** A set-up workbook with these clients in Credits, and the optional Rounding (min) column when `rounding`. */
function creditsWith(clients: ClientSpec[], rounding = false) {
  const apps = setUpApps();
  const sheet = apps.spreadsheet.getSheetByName('Credits')!;
  if (rounding) sheet.getRange(1, sheet.getLastColumn() + 1).setValue('Rounding (min)');
  pasteClients(apps.spreadsheet, clients);
  return apps;
}

describe('CreditsRepository.read', () => {
  it('reads every client with one getValues, parsing what people type', () => {
    const { emu, spreadsheet } = creditsWith(
      [
        {
          Client: ' Acme ',
          Type: 'contact',
          'Billing email': 'pay@acme.test',
          'Hourly rate': '1,250.50',
          Currency: 'usd',
          'Minimum balance (h)': 2,
          'Top-up (h)': '2.5',
          'Auto-invoice': 'yes',
        },
        { Client: 'Globex', 'Hourly rate': '85,50', 'Minimum balance (h)': -3, 'Auto-invoice': false, 'Rounding (min)': 15 },
        { Client: 'Initech', 'Rounding (min)': 7 },
      ],
      true,
    );
    const { value: credits, calls } = dataCallsOf(emu, () => CreditsRepository.read(spreadsheet));
    expect(calls).toEqual({ 'Range.getValues': 1 });
    expect(credits.find('Acme')).toEqual({
      ok: true,
      value: {
        name: 'Acme',
        type: 'Contact',
        billingEmail: 'pay@acme.test',
        rateCents: 125050,
        currency: 'USD',
        minimumMinutes: 120,
        topUpMinutes: 150,
        autoInvoice: true,
        roundingMinutes: null,
        lastInvoice: '',
      },
    });
    // A decimal comma is refused rather than read as 8,550.00; a negative minimum counts as none.
    expect(credits.find('Globex')).toMatchObject({
      ok: true,
      value: { type: 'Company', rateCents: null, minimumMinutes: 0, autoInvoice: false, roundingMinutes: 15 },
    });
    expect(credits.find('Initech')).toMatchObject({ ok: true, value: { rateCents: 9000, roundingMinutes: null } });
    expect(credits.names()).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('refuses an unknown client and a client listed twice, with codes, by the trimmed name', () => {
    const { spreadsheet } = creditsWith([{ Client: 'Acme' }, { Client: 'Initech' }, { Client: 'Initech ' }]);
    const credits = CreditsRepository.read(spreadsheet);
    expect(credits.find(' Globex')).toMatchObject({ ok: false, refusal: { code: 'unknown-client', message: expect.stringContaining('no client "Globex"') } });
    expect(credits.find('Initech')).toMatchObject({ ok: false, refusal: { code: 'duplicate-client' } });
    expect(credits.duplicates).toEqual(['Initech']);
    expect(credits.names()).toEqual(['Acme', 'Initech']);
  });

  it('refuses a workbook whose Balance (h) column was deleted', () => {
    const { spreadsheet } = creditsWith([{ Client: 'Acme' }]);
    const sheet = spreadsheet.getSheetByName('Credits')!;
    sheet.deleteColumn(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Balance (h)') + 1);
    expect(thrownBy(() => CreditsRepository.read(spreadsheet))).toEqual({ code: 'schema', message: expect.stringContaining('no "Balance (h)" column') });
  });
});

describe('CreditsRepository writes', () => {
  it('rewrites only the balances that differ from the log, in one setValues, and none on a second call', () => {
    const { emu, spreadsheet } = creditsWith([{ Client: 'Acme' }, { Client: 'Globex' }, { Client: 'Initech' }]);
    spreadsheet.getSheetByName('Credits')!.getRange('I3').setValue('lots');
    const credits = CreditsRepository.read(spreadsheet);
    expect([...credits.recordedBalances]).toEqual([
      ['Acme', 0],
      ['Globex', null],
      ['Initech', 0],
    ]);
    const ledger = ledgerOf(row('Top-up', 'Acme', 90), row('Top-up', 'Globex', 0), row('Top-up', 'Initech', 600), row('Deduction', 'Initech', -45));
    expect(dataCallsOf(emu, () => credits.writeBalances(ledger)).calls).toEqual({ 'Range.setValues': 1 });
    expect(readRows(spreadsheet, 'Credits').map((r) => [r.Client, r['Balance (h)']])).toEqual([
      ['Acme', 1.5],
      ['Globex', 0],
      ['Initech', 9.25],
    ]);
    expect(dataCallsOf(emu, () => credits.writeBalances(ledger)).calls).toEqual({});
  });

  it('writes client cells in one batch and appends a client in one block', () => {
    const { emu, spreadsheet } = creditsWith([{ Client: 'Acme' }, { Client: 'Globex' }]);
    const credits = CreditsRepository.read(spreadsheet);
    const { calls } = dataCallsOf(emu, () => {
      credits.writeCells([
        { client: 'Acme', header: 'Last invoice', value: 'INV-1' },
        { client: 'Globex', header: 'Last invoice', value: 'INV-2' },
        { client: 'Nobody', header: 'Last invoice', value: 'INV-3' },
      ]);
      credits.appendClient({ Client: 'Initech', Currency: 'EUR' });
    });
    expect(calls).toEqual({ 'Range.setValues': 2 });
    expect(readRows(spreadsheet, 'Credits').map((r) => [r.Client, r['Last invoice'], r.Currency])).toEqual([
      ['Acme', 'INV-1', 'EUR'],
      ['Globex', 'INV-2', 'EUR'],
      ['Initech', '', 'EUR'],
    ]);
  });
});
