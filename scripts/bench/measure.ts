/**
 * Measuring one server call on the emulator: its service calls by method (from the
 * emulator's counters: exact and repeatable), the cells it read and wrote, the CPU of the
 * add-on's own code, and its heap. Our own CPU is the call's CPU minus the CPU spent
 * inside emulated services, which a clock around the emulator's one instrumented path
 * (`Runtime.invoke`) adds up; the same clock samples the heap at every service-call
 * boundary, where the big arrays a read returns are alive.
 */
import { getHeapStatistics } from 'node:v8';
import type { Addon } from '../../harness/addon';

export interface Counts {
  /** Calls by 'Class.method', sorted. */
  byMethod: Record<string, number>;
  totalCalls: number;
  /** Value reads and writes, row and column inserts and deletes (navigation excluded). */
  dataCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export interface Measurement extends Counts {
  /** CPU of the add-on's own code (and the JSON round trip of google.script.run). */
  ownCpuMs: number;
  /** CPU spent inside the emulated services. */
  serviceCpuMs: number;
  /** Highest heap seen during the call. */
  peakHeapMb: number;
  /** How far the heap rose above where it stood before the call. */
  heapRiseMb: number;
}

type Invoke = (key: string, isWrite: boolean, fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]) => unknown;

/**
 * The emulator's runtime. It is not part of the emulator's public API, so it is reached
 * through the `rt` every emulated object keeps; a clear error says so if that changes.
 */
function runtimeOf(addon: Addon): { invoke: Invoke } {
  const rt = (addon.emu.globals.SpreadsheetApp as { rt?: { invoke?: Invoke } }).rt;
  if (!rt || typeof rt.invoke !== 'function') {
    throw new Error(
      'The emulator no longer keeps its runtime (rt.invoke) on SpreadsheetApp; update scripts/bench/measure.ts to time service calls another way.',
    );
  }
  return rt as { invoke: Invoke };
}

function heapMb(): number {
  return getHeapStatistics().used_heap_size / 1e6;
}

function cpuMicros(since?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}

/**
 * Full collections until the heap stops shrinking: a dropped add-on's vm context (gas-local
 * loads the bundle into one) is only freed by the second collection after it was dropped.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('The bench needs --expose-gc to measure the heap: run it with `npm run bench`.');
  for (let i = 0, before = Infinity; i < 4 && heapMb() < before - 1; i++) {
    before = heapMb();
    gc();
  }
}

/** Counts since the emulator's counters were last reset. */
export function countsOf(addon: Addon): Counts {
  const calls = addon.emu.calls;
  return { byMethod: calls.snapshot(), totalCalls: calls.total(), dataCalls: calls.dataCalls(), cellsRead: calls.cellsRead, cellsWritten: calls.cellsWritten };
}

/** Runs `work` (one server call) with counters reset, a service clock and heap sampling. */
export function measure<T>(addon: Addon, work: () => T): { result: T; measurement: Measurement } {
  const rt = runtimeOf(addon);
  const invoke = rt.invoke;
  let serviceMicros = 0;
  let depth = 0;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, heapMb());
  };
  rt.invoke = (key, isWrite, fn, self, args) => {
    if (depth > 0) return invoke.call(rt, key, isWrite, fn, self, args);
    depth++;
    // The clock's own sampling sits inside the timed span, so it counts as service time, not ours.
    const start = process.cpuUsage();
    sample();
    try {
      return invoke.call(rt, key, isWrite, fn, self, args);
    } finally {
      sample();
      serviceMicros += cpuMicros(start);
      depth--;
    }
  };
  try {
    collectGarbage();
    addon.emu.calls.reset();
    const before = heapMb();
    peak = before;
    const start = process.cpuUsage();
    const result = work();
    const totalMicros = cpuMicros(start);
    sample();
    return {
      result,
      measurement: {
        ...countsOf(addon),
        ownCpuMs: (totalMicros - serviceMicros) / 1000,
        serviceCpuMs: serviceMicros / 1000,
        peakHeapMb: peak,
        heapRiseMb: peak - before,
      },
    };
  } finally {
    rt.invoke = invoke;
  }
}
