/**
 * Fault injection: stop a script after k writes (as the 6-minute limit would), or make one method throw.
 *
 * Once a stop fires, the execution it fired in is "halted": every further service call in it throws
 * ScriptStopped, so add-on code that swallows errors still cannot keep writing. A new execution starts clean.
 */

/** Thrown when the emulated execution time is exhausted (see Faults.stopAfterWrites). */
export class ScriptStopped extends Error {
  constructor(message = 'Exceeded maximum execution time') {
    super(message);
    this.name = 'ScriptStopped';
  }
}

/** Information handed to an onWrite hook after each successful write. */
export interface WriteInfo {
  method: string;
  /** Number of writes done so far (Faults.writes). */
  n: number;
}

interface MethodFailure {
  message: string;
  remaining: number;
}

export class Faults {
  /** Writes done since the emulator was created or resetCount() was called. */
  writes = 0;
  private writesBeforeStop: number | null = null;
  private failures = new Map<string, MethodFailure>();
  private hooks: ((info: WriteInfo) => void)[] = [];

  /** The next k writes succeed; the one after throws ScriptStopped and halts its execution. */
  stopAfterWrites(k: number): void {
    this.writesBeforeStop = k;
  }

  resetCount(): void {
    this.writes = 0;
  }

  /**
   * Makes `method` ('Class.method' such as 'Blob.getAs') throw Error(message), `times` times
   * (every time until clear() when omitted).
   */
  failOn(method: string, message: string, times = Infinity): void {
    this.failures.set(method, { message, remaining: times });
  }

  /** Registers a hook called after each successful write; returns a function that removes it. */
  onWrite(hook: (info: WriteInfo) => void): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  /** Removes every armed fault and write hook. */
  clear(): void {
    this.writesBeforeStop = null;
    this.failures.clear();
    this.hooks = [];
  }

  /** Throws the configured Error if `key` is set to fail. */
  checkFailure(key: string): void {
    const failure = this.failures.get(key);
    if (!failure) return;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.delete(key);
    throw new Error(failure.message);
  }

  /** True when the write about to happen must stop the script (disarms the stop). */
  takeStop(): boolean {
    if (this.writesBeforeStop === null) return false;
    if (this.writesBeforeStop > 0) return false;
    this.writesBeforeStop = null;
    return true;
  }

  /** Records a successful write and runs the hooks. */
  wrote(method: string): void {
    this.writes += 1;
    if (this.writesBeforeStop !== null) this.writesBeforeStop -= 1;
    const info = { method, n: this.writes };
    for (const hook of [...this.hooks]) hook(info);
  }
}
