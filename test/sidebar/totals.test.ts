/**
 * Totals for the entries chosen in the sidebar's list, from the minutes the server's
 * preview rounded.
 */
import type { Client, Entry } from '../../sidebar/state';
import { chosenTotals } from '../../sidebar/totals';

const client = (name: string, balanceMinutes: number, minimumMinutes: number): Client => ({
  name,
  type: 'Company',
  billingEmail: '',
  rateCents: null,
  currency: 'EUR',
  minimumMinutes,
  topUpMinutes: 0,
  autoInvoice: false,
  roundingMinutes: 15,
  balanceMinutes,
  underMinimum: balanceMinutes < minimumMinutes,
  negative: balanceMinutes < 0,
});

const entry = (entryId: string, clientName: string, minutes: number | null, deductMinutes: number | null): Entry => ({
  entryId,
  row: 2,
  date: '2026-01-05',
  client: clientName,
  person: 'Ann',
  description: '',
  minutes,
  hours: '',
  status: 'Open',
  authorizedBy: '',
  authorizedAt: '',
  ticked: false,
  deductMinutes,
  problem: deductMinutes === null ? 'Hours are missing.' : '',
  skipCode: deductMinutes === null ? 'bad-hours' : '',
  flags: [],
});

describe('chosenTotals', () => {
  const clients = [client('Acme', 300, 240), client('Beta', 30, 0)];
  const entries = [
    entry('A1', 'Acme', 50, 60),
    entry('A2', 'Acme', 10, 15),
    entry('B1', 'Beta', 40, 45),
    entry('B2', 'Beta', null, null),
    entry('X', 'Globex', 10, null),
  ];

  it('sums the rounded minutes of the chosen entries per client, and flags minimums and negatives', () => {
    expect(chosenTotals(entries, new Set(['A1', 'A2', 'B1', 'B2', 'X']), clients)).toEqual([
      {
        client: 'Acme',
        entries: 2,
        rawMinutes: 60,
        deductMinutes: 75,
        beforeMinutes: 300,
        afterMinutes: 225,
        minimumMinutes: 240,
        belowMinimum: true,
        negative: false,
      },
      {
        client: 'Beta',
        entries: 1,
        rawMinutes: 40,
        deductMinutes: 45,
        beforeMinutes: 30,
        afterMinutes: -15,
        minimumMinutes: 0,
        belowMinimum: true,
        negative: true,
      },
    ]);
  });

  it('leaves out entries that are not chosen', () => {
    expect(chosenTotals(entries, new Set(['A2']), clients)).toEqual([
      expect.objectContaining({ client: 'Acme', entries: 1, deductMinutes: 15, afterMinutes: 285, belowMinimum: false }),
    ]);
    expect(chosenTotals(entries, new Set(), clients)).toEqual([]);
  });
});
