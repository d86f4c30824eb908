/**
 * The shared state of one emulator: clock, current user, execution stack, call log, faults, ids,
 * the Drive store and what the UI and mail services recorded.
 *
 * Every emulated object routes its public method calls through `invoke`, which counts the call,
 * applies faults and classifies writes. Calls made while another emulated call is running are
 * internal (the emulator talking to itself) and are neither counted nor checked.
 */
import { CallLog } from './call-log';
import { DriveStore } from './drive-store';
import { makeDateClass } from './emulated-date';
import { Faults, ScriptStopped } from './faults';
import { IdSource } from './random';
import { newUiRecords, type SentMail, type UiRecords } from './records';

/** One Apps Script execution (or the ambient one that exists outside any execution()). */
export interface Frame {
  readonly id: number;
  user: string;
  halted: boolean;
  /** True for executions started by a time-driven trigger (no UI available). */
  readonly trigger: boolean;
}

export interface ExecutionOptions {
  user?: string;
  trigger?: boolean;
  spreadsheetId?: string;
}

export interface RuntimeOptions {
  timeZone: string;
  user: string;
  now: number;
  seed: number;
}

export class Runtime {
  readonly calls = new CallLog();
  readonly faults = new Faults();
  readonly ids: IdSource;
  readonly scriptTimeZone: string;
  /** The Date constructor of the emulated clock (also globals.Date). */
  readonly Date: DateConstructor;
  /** Every Drive item (the active spreadsheet included). */
  readonly drive: DriveStore;
  readonly ui: UiRecords = newUiRecords();
  readonly mail: SentMail[] = [];
  /** Logger.log and console output. */
  readonly logs: string[] = [];
  mailQuota = 100;
  /** Id of the spreadsheet SpreadsheetApp.getActive() returns. */
  activeSpreadsheetId = '';
  readonly clock: { now(): number; set(t: Date | number): void; advance(ms: number): void };

  private nowMs: number;
  private readonly ambient: Frame;
  private readonly frames: Frame[] = [];
  private nextFrameId = 1;
  private depth = 0;
  private readonly endHooks: ((frame: Frame) => void)[] = [];

  constructor(opts: RuntimeOptions) {
    this.scriptTimeZone = opts.timeZone;
    this.nowMs = opts.now;
    this.ids = new IdSource(opts.seed);
    this.ambient = { id: 0, user: opts.user, halted: false, trigger: false };
    this.Date = makeDateClass(() => this.nowMs, opts.timeZone);
    this.drive = new DriveStore(this.ids, () => this.nowMs, opts.user);
    this.clock = {
      now: () => this.nowMs,
      set: (t) => {
        this.nowMs = typeof t === 'number' ? t : t.getTime();
      },
      advance: (ms) => {
        this.nowMs += ms;
      },
    };
  }

  /** The user running the current execution. */
  get user(): string {
    return this.currentFrame().user;
  }

  /** Changes the user of the current execution and of the ambient one. */
  setUser(email: string): void {
    this.ambient.user = email;
    this.currentFrame().user = email;
  }

  currentFrame(): Frame {
    return this.frames[this.frames.length - 1] ?? this.ambient;
  }

  /** True while the execution with this id is running (the ambient one always is). */
  isLive(frameId: number): boolean {
    return frameId === 0 || this.frames.some((f) => f.id === frameId);
  }

  /** Registers work done when an execution ends (releasing locks, saving documents). */
  onExecutionEnd(hook: (frame: Frame) => void): void {
    this.endHooks.push(hook);
  }

  /** Runs fn as one Apps Script execution. */
  runExecution<T>(fn: () => T, opts: ExecutionOptions = {}): T {
    this.ambient.halted = false;
    const frame: Frame = { id: this.nextFrameId++, user: opts.user ?? this.user, halted: false, trigger: !!opts.trigger };
    const previousSpreadsheet = this.activeSpreadsheetId;
    if (opts.spreadsheetId) this.activeSpreadsheetId = opts.spreadsheetId;
    this.frames.push(frame);
    try {
      return fn();
    } finally {
      this.internal(() => {
        for (const hook of this.endHooks) hook(frame);
      });
      this.frames.pop();
      this.activeSpreadsheetId = previousSpreadsheet;
    }
  }

  /** Runs fn as the emulator itself: its calls on emulated objects are not counted or faulted. */
  internal<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }

  /** The instrumented path of every public method call ('Class.method' = key). */
  invoke(key: string, isWrite: boolean, fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
    if (this.depth > 0) return fn.apply(self, args);
    const frame = this.currentFrame();
    if (frame.halted) throw new ScriptStopped();
    this.calls.record(key);
    this.faults.checkFailure(key);
    if (isWrite && this.faults.takeStop()) {
      frame.halted = true;
      throw new ScriptStopped();
    }
    const result = this.internal(() => fn.apply(self, args));
    if (isWrite) this.faults.wrote(key);
    return result;
  }
}
