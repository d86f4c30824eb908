/**
 * Planning invoices from the log: crossing, not crossing, exactly at the minimum, several
 * clients, re-arming after payment, one invoice per crossing, settings problems as
 * reasons, archived crossings, and the deductions an invoice lists.
 */
import fc from 'fast-check';
import { crossings, describeRun, invoiceSpan, planInvoices, type InvoiceFacts } from '../../src/core/invoicing';
import type { Client, LogRow } from '../../src/core/types';
import { aClient, clientsByName, logRows, row } from '../../harness/builders';

const acme = (overrides: Partial<Client> = {}) => aClient({ autoInvoice: true, ...overrides });

function plan(clients: Client[], log: LogRow[], invoices: InvoiceFacts[] = [], extra: { duplicates?: string[]; only?: Set<string> } = {}) {
  return planInvoices({ clients: clientsByName(...clients), duplicates: extra.duplicates ?? [], log, invoices, only: extra.only });
}

describe('planInvoices', () => {
  it('invoices a client whose balance went below its minimum, for its top-up at its rate', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -500, { entryId: 'E-1' }));
    const result = plan([acme({ minimumMinutes: 120, topUpMinutes: 600, rateCents: 8550 })], log);
    expect(result.plans).toEqual([{ client: 'Acme', crossing: 'L-2', through: 'L-2', minutes: 600, rateCents: 8550, amountCents: 85500, currency: 'EUR' }]);
    expect(result.problems).toEqual([]);
  });

  it('does not invoice a client above its minimum', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -300));
    expect(plan([acme()], log).plans).toEqual([]);
  });

  it('does not invoice a client exactly at its minimum, and does one minute below it', () => {
    const at = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -480));
    expect(plan([acme({ minimumMinutes: 120 })], at).plans).toEqual([]);
    const below = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -481));
    expect(plan([acme({ minimumMinutes: 120 })], below).plans).toHaveLength(1);
  });

  it('invoices a client with Auto-invoice off when an authorizer asks for it (manual), and only that one', () => {
    const log = logRows(row('Top-up', 'Acme', 60), row('Deduction', 'Acme', -1968), row('Top-up', 'Beta', 60), row('Deduction', 'Beta', -120));
    const clients = clientsByName(acme({ autoInvoice: false, minimumMinutes: 0 }), acme({ name: 'Beta', autoInvoice: false, minimumMinutes: 0 }));
    const manual = new Set(['Acme']);
    const result = planInvoices({ clients, duplicates: [], log, invoices: [], only: manual, manual });
    expect(result.plans.map((p) => [p.client, p.crossing])).toEqual([['Acme', 'L-2']]);
    const twice = planInvoices({
      clients,
      duplicates: [],
      log,
      invoices: [{ invoiceNo: 'INV-1', client: 'Acme', status: 'Open', crossing: 'L-2' }],
      only: manual,
      manual,
    });
    expect([twice.plans, twice.alreadyInvoiced]).toEqual([[], [{ client: 'Acme', invoiceNo: 'INV-1', status: 'Open' }]]);
  });

  it('does not invoice when Auto-invoice is off, or a client with no log', () => {
    const log = logRows(row('Top-up', 'Acme', 60));
    expect(plan([acme({ autoInvoice: false })], log).plans).toEqual([]);
    expect(plan([acme({ name: 'Quiet' })], log).plans).toEqual([]);
  });

  it('with a minimum of 0, invoices only when the balance goes below zero', () => {
    const zero = logRows(row('Top-up', 'Acme', 60), row('Deduction', 'Acme', -60));
    expect(plan([acme({ minimumMinutes: 0 })], zero).plans).toEqual([]);
    const negative = logRows(row('Top-up', 'Acme', 60), row('Deduction', 'Acme', -61));
    expect(plan([acme({ minimumMinutes: 0 })], negative).plans).toHaveLength(1);
  });

  it('handles several clients in one run, each on its own crossing', () => {
    const log = logRows(
      row('Top-up', 'Acme', 600),
      row('Top-up', 'Beta', 600),
      row('Top-up', 'Gamma', 600),
      row('Deduction', 'Acme', -550),
      row('Deduction', 'Gamma', -100),
      row('Deduction', 'Beta', -590),
      row('Deduction', 'Acme', -10),
    );
    const clients = [acme(), acme({ name: 'Beta', rateCents: 10000, currency: 'USD' }), acme({ name: 'Gamma' })];
    const result = plan(clients, log);
    expect(result.plans.map((p) => [p.client, p.crossing, p.through, p.currency])).toEqual([
      ['Acme', 'L-4', 'L-7', 'EUR'],
      ['Beta', 'L-6', 'L-6', 'USD'],
    ]);
  });

  it('gives one invoice per crossing, whatever the invoice status', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -500), row('Deduction', 'Acme', -60));
    for (const status of ['Pending', 'Open', 'Paid', 'Cancelled']) {
      const result = plan([acme()], log, [{ invoiceNo: 'INV-1', client: 'Acme', status, crossing: 'L-2' }]);
      expect(result.plans).toEqual([]);
      expect(result.alreadyInvoiced).toEqual([{ client: 'Acme', invoiceNo: 'INV-1', status }]);
    }
  });

  it('re-arms once the balance is back at the minimum: the next drop is a new crossing', () => {
    const log = logRows(
      row('Top-up', 'Acme', 600),
      row('Deduction', 'Acme', -500), // L-2: 100 < 120, first crossing
      row('Top-up', 'Acme', 600, { reference: 'INV-1' }), // L-3: 700, paid, re-armed
      row('Deduction', 'Acme', -590), // L-4: 110, second crossing
    );
    const invoices = [{ invoiceNo: 'INV-1', client: 'Acme', status: 'Paid', crossing: 'L-2' }];
    expect(plan([acme()], log, invoices).plans.map((p) => p.crossing)).toEqual(['L-4']);
  });

  it('does not re-arm on a payment that leaves the balance below the minimum', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -1300), row('Top-up', 'Acme', 600, { reference: 'INV-1' }));
    const result = plan([acme()], log, [{ invoiceNo: 'INV-1', client: 'Acme', status: 'Paid', crossing: 'L-2' }]);
    expect(result.plans).toEqual([]);
    expect(result.alreadyInvoiced).toEqual([{ client: 'Acme', invoiceNo: 'INV-1', status: 'Paid' }]);
  });

  it("ignores another crossing's invoice and invoices made by hand", () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -500));
    const invoices = [
      { invoiceNo: 'INV-1', client: 'Beta', status: 'Open', crossing: 'L-9' },
      { invoiceNo: 'X-7', client: 'Acme', status: 'Open', crossing: '' },
    ];
    expect(plan([acme()], log, invoices).plans).toHaveLength(1);
  });

  it('counts an invoice that records the crossing even when its Client cell was edited by hand', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -500));
    const result = plan([acme()], log, [{ invoiceNo: 'INV-1', client: 'Acme Ltd', status: 'Open', crossing: 'L-2' }]);
    expect(result.plans).toEqual([]);
    expect(result.alreadyInvoiced.map((a) => a.invoiceNo)).toEqual(['INV-1']);
  });

  it('reports incomplete settings per client, and the others go on', () => {
    const log = logRows(row('Deduction', 'Acme', -60), row('Deduction', 'Beta', -60), row('Deduction', 'Gamma', -60), row('Deduction', 'Delta', -60));
    const clients = [acme({ rateCents: null }), acme({ name: 'Beta', topUpMinutes: 0 }), acme({ name: 'Gamma', currency: '' }), acme({ name: 'Delta' })];
    const result = plan(clients, log);
    expect(result.plans.map((p) => p.client)).toEqual(['Delta']);
    expect(result.problems.map((p) => [p.client, p.code])).toEqual([
      ['Acme', 'no-rate'],
      ['Beta', 'no-top-up'],
      ['Gamma', 'no-currency'],
    ]);
    expect(result.problems[0].message).toMatch(/Acme .*no Hourly rate.*Enter a rate/);
    expect(result.problems[1].message).toMatch(/Top-up \(h\) is 0/);
    expect(result.problems[2].message).toMatch(/three-letter code/);
  });

  it('reports every missing setting of one client, and a currency that is not a code', () => {
    const log = logRows(row('Deduction', 'Acme', -60));
    const result = plan([acme({ rateCents: null, topUpMinutes: 0, currency: 'EURO' })], log);
    expect(result.problems.map((p) => p.code)).toEqual(['no-rate', 'no-top-up', 'no-currency']);
    expect(result.problems[2].message).toMatch(/"EURO" is not a currency code/);
  });

  it('reports clients that appear twice in Credits', () => {
    const result = plan([], [], [], { duplicates: ['Twin'] });
    expect(result.problems).toEqual([expect.objectContaining({ client: 'Twin', code: 'duplicate-client' })]);
  });

  it('looks only at the given clients after a ledger change', () => {
    const log = logRows(row('Deduction', 'Acme', -60), row('Deduction', 'Beta', -60));
    const result = plan([acme(), acme({ name: 'Beta' })], log, [], { only: new Set(['Beta']), duplicates: ['Twin'] });
    expect(result.plans.map((p) => p.client)).toEqual(['Beta']);
    expect(result.problems).toEqual([]);
  });

  it('treats a crossing carried over by archiving as invoiced when its invoice refers to an archived row', () => {
    const log = logRows(row('Opening balance', 'Acme', 30, { logId: 'L-OPEN' }));
    expect(plan([acme()], log, [{ invoiceNo: 'INV-1', client: 'Acme', status: 'Open', crossing: 'L-ARCHIVED' }]).plans).toEqual([]);
    expect(plan([acme()], log, []).plans.map((p) => p.crossing)).toEqual(['L-OPEN']);
  });

  it('never plans two invoices for one crossing, over any sequence of changes and runs', () => {
    const step = fc.oneof(fc.integer({ min: -300, max: -1 }), fc.integer({ min: 1, max: 300 }), fc.constant('run' as const), fc.constant('pay' as const));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 0, max: 300 }), (steps, minimum) => {
        const client = acme({ minimumMinutes: minimum, topUpMinutes: 200 });
        const drafts: ReturnType<typeof row>[] = [];
        const invoices: (InvoiceFacts & { paid: boolean })[] = [];
        for (const s of steps) {
          if (typeof s === 'number') drafts.push(row(s < 0 ? 'Deduction' : 'Top-up', 'Acme', s));
          else if (s === 'pay') {
            const open = invoices.find((i) => !i.paid);
            if (open) {
              open.paid = true;
              drafts.push(row('Top-up', 'Acme', 200, { reference: open.invoiceNo }));
            }
          } else {
            const { plans } = plan([client], logRows(...drafts), invoices);
            for (const p of plans)
              invoices.push({ invoiceNo: `INV-${invoices.length + 1}`, client: 'Acme', status: 'Open', crossing: p.crossing, paid: false });
          }
        }
        const log = logRows(...drafts);
        // Every crossing in the log, computed independently: a row taking the sum from >= minimum (or the start) to below it.
        const crossingIds = new Set<string>();
        let sum = 0;
        let armed = true;
        for (const r of log) {
          sum += r.minutes;
          if (sum < minimum && armed) crossingIds.add(r.logId);
          armed = sum >= minimum;
        }
        const invoiced = invoices.map((i) => i.crossing);
        expect(new Set(invoiced).size).toBe(invoiced.length);
        for (const c of invoiced) expect(crossingIds.has(c)).toBe(true);
        // A final run leaves nothing below the minimum un-invoiced.
        const last = plan([client], log, invoices);
        for (const p of last.plans) invoices.push({ invoiceNo: 'INV-last', client: 'Acme', status: 'Open', crossing: p.crossing, paid: false });
        const state = crossings(log, new Map([['Acme', minimum]])).get('Acme');
        if (state?.crossing) expect(invoices.some((i) => i.crossing === state.crossing!.logId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('invoiceSpan', () => {
  const log = logRows(
    row('Top-up', 'Acme', 600),
    row('Deduction', 'Acme', -90, { entryId: 'E-1', person: 'Ann', description: 'Design', workDate: Date.UTC(2026, 1, 2) }),
    row('Deduction', 'Beta', -30),
    row('Deduction', 'Acme', -60, { entryId: 'E-2', person: 'Bob', description: 'Build' }),
    row('Reversal', 'Acme', 60, { entryId: 'E-2', description: 'Wrong client' }),
    row('Deduction', 'Acme', -45, { entryId: 'E-3' }),
  );

  it("lists the client's deductions and reversals from the start up to `through`, with the balance there", () => {
    const span = invoiceSpan(log, 'Acme', '', 'L-5');
    expect(span.lines.map((l) => [l.logId, l.minutes])).toEqual([
      ['L-2', 90],
      ['L-4', 60],
      ['L-5', -60],
    ]);
    expect(span.lines[0]).toMatchObject({ person: 'Ann', description: 'Design', date: Date.UTC(2026, 1, 2) });
    expect(span.balanceMinutes).toBe(600 - 90 - 60 + 60);
  });

  it('starts after the previous invoice and falls back to the start when that row was archived', () => {
    expect(invoiceSpan(log, 'Acme', 'L-4', 'L-6').lines.map((l) => l.logId)).toEqual(['L-5', 'L-6']);
    expect(invoiceSpan(log, 'Acme', 'L-GONE', 'L-2').lines.map((l) => l.logId)).toEqual(['L-2']);
  });

  it('lists lines by date: a reversal on its entry’s work date, a date’s lines in log order', () => {
    const day = (d: number) => Date.UTC(2026, 8, d);
    const reversed = logRows(
      row('Top-up', 'Acme', 600),
      row('Deduction', 'Acme', -60, { entryId: 'E-1', workDate: day(7) }),
      row('Deduction', 'Acme', -30, { entryId: 'E-2', workDate: day(8) }),
      row('Deduction', 'Acme', -45, { entryId: 'E-3', workDate: day(10) }),
      row('Reversal', 'Acme', 60, { entryId: 'E-1', workDate: day(7), description: 'Wrong client' }),
      row('Deduction', 'Acme', -60, { entryId: 'E-1', workDate: day(7) }),
    );
    const lines = invoiceSpan(reversed, 'Acme', '', 'L-6').lines;
    expect(lines.map((l) => [l.logId, new Date(l.date).getUTCDate(), l.minutes])).toEqual([
      ['L-2', 7, 60],
      ['L-5', 7, -60],
      ['L-6', 7, 60],
      ['L-3', 8, 30],
      ['L-4', 10, 45],
    ]);
  });
});

describe('describeRun', () => {
  it('says what was created and what went wrong', () => {
    expect(describeRun({ created: [], finished: [], left: [], problems: [], alreadyInvoiced: [] })).toBe('Invoicing: no client needed an invoice.');
    const text = describeRun({
      created: ['INV-2026-0002'],
      finished: ['INV-2026-0001'],
      left: ['INV-2026-0003'],
      problems: [{ client: 'Beta', code: 'no-rate', message: 'Beta has no rate.' }],
      alreadyInvoiced: [{ client: 'Gamma', invoiceNo: 'INV-2025-0009', status: 'Open' }],
    });
    expect(text).toBe(
      'Invoicing: created INV-2026-0002; finished INV-2026-0001; left INV-2026-0003 for the next run; 1 client below minimum already invoiced. 1 problem: Beta has no rate.',
    );
  });
});
