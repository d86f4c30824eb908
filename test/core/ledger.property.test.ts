/**
 * Property tests of the ledger over random sequences of operations: top-ups, adjustments,
 * authorizations of random entries (bad ones and repeats included), reversals, edits of
 * open entries and re-authorizations. Each operation runs as the app runs it — a Ledger
 * over the committed log, a plan, verifyAppend, then the write — and is checked against
 * a model that knows each entry's minutes from how the test wrote them, not by parsing.
 */
import fc from 'fast-check';
import { planAuthorization } from '../../src/core/authorize';
import { auditLedger, type LedgerProblem } from '../../src/core/check-ledger';
import { Ledger, LedgerInvariantError, verifyAppend } from '../../src/core/ledger';
import { planReversal } from '../../src/core/reverse';
import { ROUNDING_CHOICES, type RoundingMinutes } from '../../src/core/rounding';
import type { Client, LogRow, TimeEntry } from '../../src/core/types';
import { aClient, aDraft, aTimeEntry, AUTHORIZER, clientsByName, NOW, sumsByClient, utcDay } from '../../harness/builders';

/** Sheets in New York: a duration cell of 0:00 is 1899-12-30 05:00 UTC. */
const EPOCH = Date.UTC(1899, 11, 30, 5);
const KNOWN = ['Acme', 'Beta', 'Gamma'] as const;
const RUNS = { numRuns: 120 };

// ---- Generators -------------------------------------------------------------------------

/** An hours cell and the minutes it stands for (null when it must be refused). */
interface HoursSpec {
  cell: unknown;
  minutes: number | null;
}

function render(minutes: number, format: string): unknown {
  const h = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  switch (format) {
    case 'number':
      return minutes / 60;
    case 'colon':
      return `${h}:${mm}`;
    case 'h':
      return `${h}h${mm}`;
    case 'm':
      return `${minutes}m`;
    case 'date':
      return new Date(EPOCH + minutes * 60_000);
    case 'decimal':
      return String(minutes / 60);
    default:
      return String(minutes / 60).replace('.', ',');
  }
}

const validHours: fc.Arbitrary<HoursSpec> = fc
  .tuple(fc.integer({ min: 0, max: 720 }), fc.constantFrom('number', 'colon', 'h', 'm', 'date', 'decimal', 'comma'))
  .map(([minutes, format]) => ({ cell: render(minutes, format), minutes }));

const badHours: fc.Arbitrary<HoursSpec> = fc
  .constantFrom<unknown>('', '  ', 'soon', -1, '-0:30', NaN, true, null, 1e7, new Date(Date.UTC(2026, 0, 5)))
  .map((cell) => ({ cell, minutes: null }));

const hoursSpec = fc.oneof({ arbitrary: validHours, weight: 5 }, { arbitrary: badHours, weight: 1 });

interface EntrySpec {
  client: string;
  hours: HoursSpec;
  /** Takes the Entry ID of an earlier entry, as a copied row does. */
  copyOf: number | null;
}

const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  client: fc.oneof({ arbitrary: fc.constantFrom(...KNOWN), weight: 8 }, { arbitrary: fc.constantFrom('Zeta', ''), weight: 1 }),
  hours: hoursSpec,
  copyOf: fc.option(fc.nat({ max: 11 }), { freq: 8 }),
});

const requestId = fc.oneof(
  { arbitrary: fc.nat({ max: 7 }).map((i) => `E-${i}`), weight: 12 },
  { arbitrary: fc.integer({ min: 8, max: 13 }).map((i) => `E-${i}`), weight: 2 }, // may not exist
  { arbitrary: fc.constantFrom('', '   '), weight: 1 },
  { arbitrary: fc.nat({ max: 7 }).map((i) => ` E-${i} `), weight: 1 },
);

type Op =
  | { kind: 'top-up'; client: string; minutes: number }
  | { kind: 'adjust'; client: string; minutes: number }
  | { kind: 'authorize'; ids: string[] }
  | { kind: 'reverse'; ids: string[] }
  | { kind: 'edit'; index: number; hours: HoursSpec };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('top-up' as const), client: fc.constantFrom(...KNOWN), minutes: fc.integer({ min: 1, max: 6000 }) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      client: fc.constantFrom(...KNOWN),
      minutes: fc.integer({ min: -3000, max: 3000 }).filter((m) => m !== 0),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('authorize' as const), ids: fc.array(requestId, { maxLength: 8 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('reverse' as const), ids: fc.array(requestId, { maxLength: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), index: fc.nat({ max: 11 }), hours: hoursSpec }), weight: 1 },
);

interface Scenario {
  rounding: RoundingMinutes;
  clientRounding: (RoundingMinutes | null)[];
  pool: EntrySpec[];
  ops: Op[];
}

const roundingArb = fc.constantFrom(...ROUNDING_CHOICES);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  rounding: roundingArb,
  clientRounding: fc.array(fc.option(roundingArb, { freq: 2 }), { minLength: KNOWN.length, maxLength: KNOWN.length }),
  pool: fc.array(entrySpec, { minLength: 3, maxLength: 12, size: 'medium' }),
  ops: fc.array(opArb, { minLength: 3, maxLength: 40, size: 'medium' }),
});

// ---- The world: the app's way of running an operation, beside an independent model ------

function roundUpModel(minutes: number, step: number): number {
  return step === 0 ? minutes : Math.ceil(minutes / step) * step;
}

class World {
  readonly log: LogRow[] = [];
  readonly entries: TimeEntry[];
  readonly expected: (number | null)[];
  readonly clients: Map<string, Client>;
  /** The model: balances, and the deducted entries with their raw and rounded minutes. */
  readonly balances = new Map<string, number>(KNOWN.map((c) => [c, 0]));
  readonly deducted = new Map<string, { raw: number; minutes: number; client: string }>();
  private logSeq = 0;

  constructor(readonly scenario: Scenario) {
    this.clients = clientsByName(...KNOWN.map((name, i) => aClient({ name, roundingMinutes: scenario.clientRounding[i], minimumMinutes: 60 })));
    this.entries = scenario.pool.map((spec, i) =>
      aTimeEntry({
        row: i + 2,
        entryId: spec.copyOf !== null && spec.copyOf < i ? `E-${spec.copyOf}` : `E-${i}`,
        client: spec.client,
        hours: spec.hours.cell,
        status: '',
      }),
    );
    this.expected = scenario.pool.map((spec) => spec.hours.minutes);
  }

  newLogId = (): string => `L-${++this.logSeq}`;

  /** What the app does after planning: verify, then write the batch. */
  commit(ledger: Ledger): LogRow[] {
    const batch = [...ledger.appended];
    verifyAppend(this.log, batch);
    this.log.push(...batch);
    return batch;
  }

  rowsWithId(id: string): number[] {
    return this.entries.flatMap((e, i) => (e.entryId === id ? [i] : []));
  }

  step(op: Op): void {
    switch (op.kind) {
      case 'top-up':
      case 'adjust': {
        const ledger = new Ledger(this.log);
        ledger.append(
          aDraft({ logId: this.newLogId(), client: op.client, kind: op.kind === 'top-up' ? 'Top-up' : 'Adjustment', minutes: op.minutes, description: 'test' }),
        );
        this.commit(ledger);
        this.balances.set(op.client, this.balances.get(op.client)! + op.minutes);
        return;
      }
      case 'authorize':
        this.authorize(op.ids);
        return;
      case 'reverse':
        this.reverse(op.ids);
        return;
      case 'edit': {
        const index = op.index % this.entries.length;
        if (this.deducted.has(this.entries[index].entryId)) return; // authorized entries are edited only after a reversal
        this.entries[index] = { ...this.entries[index], hours: op.hours.cell };
        this.expected[index] = op.hours.minutes;
        return;
      }
    }
  }

  authorize(ids: string[]) {
    // The model's verdicts, decided from what the test knows about each entry.
    const want: { entryId: string; client: string; rawMinutes: number; minutes: number }[] = [];
    const wantSkips: [string, string][] = [];
    const seen = new Set<string>();
    for (const raw of ids) {
      const id = raw.trim();
      if (!id) {
        wantSkips.push(['', 'no-entry-id']);
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const rows = this.rowsWithId(id);
      if (rows.length === 0) wantSkips.push([id, 'not-found']);
      else if (rows.length > 1) rows.forEach(() => wantSkips.push([id, 'duplicate-entry-id']));
      else if (this.deducted.has(id)) wantSkips.push([id, 'already-authorized']);
      else if (!this.clients.has(this.entries[rows[0]].client)) wantSkips.push([id, 'unknown-client']);
      else if (this.expected[rows[0]] === null) wantSkips.push([id, 'bad-hours']);
      else {
        const client = this.clients.get(this.entries[rows[0]].client)!;
        const raw = this.expected[rows[0]]!;
        want.push({ entryId: id, client: client.name, rawMinutes: raw, minutes: roundUpModel(raw, client.roundingMinutes ?? this.scenario.rounding) });
      }
    }

    const ledger = new Ledger(this.log);
    const outcome = planAuthorization({
      entryIds: ids,
      entries: this.entries,
      clients: this.clients,
      ledger,
      roundingMinutes: this.scenario.rounding,
      user: AUTHORIZER,
      now: NOW,
      durationEpochMs: EPOCH,
      newLogId: this.newLogId,
      dayOf: utcDay,
      // Flags (long days, for one person's many entries) are the core tests' business; here everything is confirmed.
      confirmed: ids,
    });
    const batch = this.commit(ledger);

    expect(outcome.authorized.map(({ row: _row, flags: _flags, ...a }) => a)).toEqual(want);
    expect(outcome.skipped.map((s) => [s.entryId, s.code])).toEqual(wantSkips);
    expect(batch).toHaveLength(want.length);
    batch.forEach((row, i) => {
      expect(row).toMatchObject({
        kind: 'Deduction',
        entryId: want[i].entryId,
        client: want[i].client,
        minutes: -want[i].minutes,
        rawMinutes: want[i].rawMinutes,
      });
    });
    for (const a of want) {
      this.deducted.set(a.entryId, { raw: a.rawMinutes, minutes: a.minutes, client: a.client });
      this.balances.set(a.client, this.balances.get(a.client)! - a.minutes);
      for (const i of this.rowsWithId(a.entryId)) this.entries[i] = { ...this.entries[i], status: 'Authorized' };
    }
    return outcome;
  }

  reverse(ids: string[]) {
    const want: { entryId: string; client: string; minutes: number }[] = [];
    const wantSkips: [string, string][] = [];
    for (const id of new Set(ids.map((s) => s.trim()))) {
      const d = this.deducted.get(id);
      if (!id) wantSkips.push(['', 'no-entry-id']);
      else if (!d) wantSkips.push([id, 'not-authorized']);
      else want.push({ entryId: id, client: d.client, minutes: d.minutes });
    }

    const ledger = new Ledger(this.log);
    const outcome = planReversal({ entryIds: ids, reason: 'test', clients: this.clients, ledger, user: AUTHORIZER, now: NOW, newLogId: this.newLogId });
    const batch = this.commit(ledger);

    expect(outcome.reversed).toEqual(want);
    expect(outcome.skipped.map((s) => [s.entryId, s.code])).toEqual(wantSkips);
    expect(batch.map((r) => [r.kind, r.entryId, r.minutes])).toEqual(want.map((w) => ['Reversal', w.entryId, w.minutes]));
    for (const r of want) {
      this.deducted.delete(r.entryId);
      this.balances.set(r.client, this.balances.get(r.client)! + r.minutes);
      for (const i of this.rowsWithId(r.entryId)) this.entries[i] = { ...this.entries[i], status: 'Open' };
    }
    return outcome;
  }

  audit(recordedBalances: Map<string, number> = new Map(this.balances), log: readonly LogRow[] = this.log, entries: readonly TimeEntry[] = this.entries) {
    return auditLedger({ log, recordedBalances, entries, durationEpochMs: EPOCH });
  }

  /** The invariants of the issue, checked from the log itself. */
  checkInvariants(): void {
    const sums = sumsByClient(this.log);
    const ledger = new Ledger(this.log);
    for (const client of KNOWN) {
      expect(sums.get(client) ?? 0).toBe(this.balances.get(client));
      expect(ledger.balance(client)).toBe(this.balances.get(client));
    }

    const running = new Map<string, number>();
    for (const row of this.log) {
      expect(Number.isInteger(row.minutes)).toBe(true);
      running.set(row.client, (running.get(row.client) ?? 0) + row.minutes);
      expect(row.balanceAfterMinutes).toBe(running.get(row.client));
    }

    const deductions = new Map<string, number>();
    const reversals = new Map<string, number>();
    for (const row of this.log) {
      if (row.kind === 'Deduction') deductions.set(row.entryId, (deductions.get(row.entryId) ?? 0) + 1);
      if (row.kind === 'Reversal') reversals.set(row.entryId, (reversals.get(row.entryId) ?? 0) + 1);
      // Rounding is applied once, to the raw minutes the row keeps.
      if (row.kind === 'Deduction') {
        const client = this.clients.get(row.client)!;
        expect(-row.minutes).toBe(roundUpModel(row.rawMinutes!, client.roundingMinutes ?? this.scenario.rounding));
      }
    }
    for (const [id, d] of deductions) {
      const r = reversals.get(id) ?? 0;
      expect(d).toBeLessThanOrEqual(r + 1);
      expect(r).toBeLessThanOrEqual(d);
      expect(d - r === 1).toBe(this.deducted.has(id));
    }

    expect(this.audit().problems).toEqual([]);
  }
}

function play(scenario: Scenario, checkEachStep = false): World {
  const world = new World(scenario);
  for (const op of scenario.ops) {
    world.step(op);
    if (checkEachStep) world.checkInvariants();
  }
  return world;
}

const problemCodes = (problems: LedgerProblem[]) => problems.map((p) => p.code);

// ---- The properties ---------------------------------------------------------------------

describe('ledger properties over random operations', () => {
  it('keeps every balance equal to its log, every running balance exact, and every entry deducted at most once', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        play(scenario, true);
      }),
      RUNS,
    );
  });

  it('deducts an entry once however often it is authorized', () => {
    fc.assert(
      fc.property(scenarioArb, validHours, fc.integer({ min: 2, max: 5 }), (scenario, hours, times) => {
        const world = play(scenario);
        const id = 'E-NEW';
        world.entries.push(aTimeEntry({ entryId: id, client: 'Acme', hours: hours.cell }));
        world.expected.push(hours.minutes);
        const before = world.balances.get('Acme')!;
        const logLength = world.log.length;
        for (let i = 0; i < times; i++) world.authorize([id, id, ` ${id}`]);
        const deductions = world.log.slice(logLength).filter((r) => r.entryId === id);
        expect(deductions).toHaveLength(1);
        expect(new Ledger(world.log).balance('Acme')).toBe(before + deductions[0].minutes);
        world.checkInvariants();
      }),
      RUNS,
    );
  });

  it('restores every balance when an authorization is reversed', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(requestId, { minLength: 1, maxLength: 8 }), (scenario, ids) => {
        const world = play(scenario);
        const before = sumsByClient(world.log);
        const { authorized } = world.authorize(ids);
        world.reverse(authorized.map((a) => a.entryId));
        const after = sumsByClient(world.log);
        for (const client of KNOWN) expect(after.get(client) ?? 0).toBe(before.get(client) ?? 0);
        for (const a of authorized) expect(new Ledger(world.log).isDeducted(a.entryId)).toBe(false);
        world.checkInvariants();
      }),
      RUNS,
    );
  });

  it('rounds once: raw minutes are kept, a round entry is unchanged, and a re-authorization deducts the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), roundingArb, fc.option(roundingArb, { nil: null }), (raw, workbook, own) => {
        const step = own ?? workbook;
        const scenario: Scenario = { rounding: workbook, clientRounding: [own, null, null], pool: [], ops: [] };
        const world = new World(scenario);
        world.entries.push(aTimeEntry({ entryId: 'E-R', client: 'Acme', hours: raw / 60 }));
        world.expected.push(raw);
        const first = world.authorize(['E-R']).authorized[0];
        expect(first.rawMinutes).toBe(raw);
        expect(first.minutes % (step || 1)).toBe(0);
        expect(first.minutes - raw).toBeGreaterThanOrEqual(0);
        expect(first.minutes - raw).toBeLessThan(step || 1);
        if (step === 0 || raw % step === 0) expect(first.minutes).toBe(raw);

        world.reverse(['E-R']);
        const again = world.authorize(['E-R']).authorized[0];
        expect(again).toEqual(first);
        expect(world.log.map((r) => r.rawMinutes)).toEqual([raw, raw, raw]);
        world.checkInvariants();
      }),
      RUNS,
    );
  });
});

describe('verifyAppend refuses a tampered batch whole', () => {
  type Tamper = 'balance' | 'minutes' | 'fraction' | 'log-id' | 'deduct-again' | 'phantom-reversal';

  it('throws for a tampered row anywhere in an otherwise valid batch', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(requestId, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Tamper>('balance', 'minutes', 'fraction', 'log-id', 'deduct-again', 'phantom-reversal'),
        fc.nat(),
        fc.integer({ min: 1, max: 600 }),
        (scenario, ids, tamper, pick, delta) => {
          const world = play(scenario);
          // A valid batch: a top-up, then whatever these ids authorize.
          const ledger = new Ledger(world.log);
          ledger.append(aDraft({ logId: 'B-0', client: 'Beta', kind: 'Top-up', minutes: 60 }));
          planAuthorization({
            entryIds: ids,
            entries: world.entries,
            clients: world.clients,
            ledger,
            roundingMinutes: scenario.rounding,
            user: AUTHORIZER,
            now: NOW,
            durationEpochMs: EPOCH,
            dayOf: utcDay,
            confirmed: ids,
            newLogId: (() => {
              let n = 0;
              return () => `B-${++n}`;
            })(),
          });
          const batch = [...ledger.appended];
          expect(() => verifyAppend(world.log, batch)).not.toThrow();

          const i = pick % batch.length;
          const all = [...world.log, ...batch];
          const state = new Ledger(all);
          const deducted = all.filter((r) => r.kind === 'Deduction' && state.deductionOf(r.entryId) === r);
          switch (tamper) {
            case 'balance':
              batch[i] = { ...batch[i], balanceAfterMinutes: batch[i].balanceAfterMinutes + (pick % 2 ? delta : -delta) };
              break;
            case 'minutes':
              batch[i] = { ...batch[i], minutes: batch[i].minutes + (pick % 2 ? delta : -delta) };
              break;
            case 'fraction':
              batch[i] = { ...batch[i], minutes: batch[i].minutes + 0.5, balanceAfterMinutes: batch[i].balanceAfterMinutes + 0.5 };
              break;
            case 'log-id': {
              fc.pre(all.length >= 2);
              const other = all.filter((r) => r !== batch[i])[pick % (all.length - 1)];
              batch[i] = { ...batch[i], logId: other.logId };
              break;
            }
            case 'deduct-again': {
              fc.pre(deducted.length > 0);
              const d = deducted[pick % deducted.length];
              const copy = { ...d, logId: 'B-COPY', balanceAfterMinutes: state.balance(d.client) + d.minutes };
              batch.push(copy);
              break;
            }
            case 'phantom-reversal': {
              batch.push({
                ...batch[0],
                logId: 'B-REV',
                client: 'Acme',
                kind: 'Reversal',
                entryId: 'E-NEVER',
                minutes: 30,
                balanceAfterMinutes: state.balance('Acme') + 30,
              });
              break;
            }
          }
          expect(() => verifyAppend(world.log, batch)).toThrow(LedgerInvariantError);
        },
      ),
      RUNS,
    );
  });
});

describe('auditLedger finds tampering in any valid log', () => {
  const nonEmpty = scenarioArb.filter((s) => s.ops.some((op) => op.kind === 'top-up' || op.kind === 'adjust'));

  it('finds an edited row by its checksum, at that row', () => {
    type Edit = 'minutes' | 'description' | 'by' | 'at' | 'entryId' | 'balance' | 'reference' | 'raw';
    fc.assert(
      fc.property(
        nonEmpty,
        fc.nat(),
        fc.constantFrom<Edit>('minutes', 'description', 'by', 'at', 'entryId', 'balance', 'reference', 'raw'),
        (scenario, pick, edit) => {
          const world = play(scenario);
          fc.pre(world.log.length > 0);
          const log = [...world.log];
          const i = pick % log.length;
          const r = log[i];
          const edited: Record<Edit, Partial<LogRow>> = {
            minutes: { minutes: r.minutes - 15 },
            description: { description: `${r.description} (corrected)` },
            by: { by: 'intern@agency.example' },
            at: { at: r.at - 60_000 },
            entryId: { entryId: `${r.entryId}X` },
            balance: { balanceAfterMinutes: r.balanceAfterMinutes + 60 },
            reference: { reference: 'INV-0001' },
            raw: { rawMinutes: (r.rawMinutes ?? 0) + 1 },
          };
          log[i] = { ...r, ...edited[edit] };
          const report = world.audit(undefined, log);
          expect(report.ok).toBe(false);
          expect(report.problems).toContainEqual(expect.objectContaining({ code: 'checksum', logId: r.logId }));
        },
      ),
      RUNS,
    );
  });

  it('finds a removed row: by the broken chain, or, for the last row, by the balance or status', () => {
    fc.assert(
      fc.property(nonEmpty, fc.nat(), (scenario, pick) => {
        const world = play(scenario);
        fc.pre(world.log.length > 0);
        const i = pick % world.log.length;
        const log = world.log.filter((_, j) => j !== i);
        const report = world.audit(undefined, log);
        expect(report.ok).toBe(false);
        if (i < log.length) expect(report.problems).toContainEqual(expect.objectContaining({ code: 'checksum', logId: world.log[i + 1].logId }));
        else expect(problemCodes(report.problems).some((c) => c === 'balance-mismatch' || c === 'status-mismatch')).toBe(true);
      }),
      RUNS,
    );
  });

  it('finds an inserted row (a copy of another under a new Log ID)', () => {
    fc.assert(
      fc.property(nonEmpty, fc.nat(), fc.nat(), (scenario, from, at) => {
        const world = play(scenario);
        fc.pre(world.log.length > 0);
        const copy = { ...world.log[from % world.log.length], logId: 'L-INSERTED' };
        const log = [...world.log];
        log.splice(at % (log.length + 1), 0, copy);
        const report = world.audit(undefined, log);
        expect(report.problems).toContainEqual(expect.objectContaining({ code: 'checksum', logId: 'L-INSERTED' }));
      }),
      RUNS,
    );
  });

  it('finds a wrong recorded balance', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom(...KNOWN),
        fc.integer({ min: -600, max: 600 }).filter((d) => d !== 0),
        (scenario, client, delta) => {
          const world = play(scenario);
          const recorded = new Map(world.balances);
          recorded.set(client, recorded.get(client)! + delta);
          expect(world.audit(recorded).problems).toEqual([expect.objectContaining({ code: 'balance-mismatch', client })]);
        },
      ),
      RUNS,
    );
  });

  it('finds a double deduction written past the checks', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (scenario, pick) => {
        const world = play(scenario);
        const ids = [...world.deducted.keys()];
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length];
        const d = world.deducted.get(id)!;
        const ledger = new Ledger(world.log);
        ledger.append(aDraft({ logId: 'L-AGAIN', client: d.client, kind: 'Deduction', minutes: -d.minutes, entryId: id, rawMinutes: d.raw }));
        const recorded = new Map(world.balances).set(d.client, world.balances.get(d.client)! - d.minutes);
        const report = world.audit(recorded, [...world.log, ...ledger.appended]);
        expect(report.problems).toEqual([expect.objectContaining({ code: 'double-deduction', entryId: id, logId: 'L-AGAIN' })]);
      }),
      RUNS,
    );
  });

  it('finds hours edited after authorization', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 1, max: 120 }), (scenario, pick, delta) => {
        const world = play(scenario);
        const ids = [...world.deducted.keys()];
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length];
        const entries = world.entries.map((e) => (e.entryId === id ? { ...e, hours: (world.deducted.get(id)!.raw + delta) / 60 } : e));
        expect(world.audit(undefined, undefined, entries).problems).toEqual([expect.objectContaining({ code: 'hours-edited', entryId: id })]);
      }),
      RUNS,
    );
  });
});
