/**
 * LockService: document, script and user locks owned by executions. Ownership ends with the
 * execution (see Runtime.runExecution). Everything runs synchronously, so a lock held by another
 * live execution can never be freed while we wait: tryLock advances the clock by the timeout and fails.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

export const LOCK_TIMEOUT_ERROR = 'Lock timeout: another process was holding the lock for too long.';

/** Which execution holds each lock. */
export class LockRegistry {
  private readonly owners = new Map<string, number>();

  constructor(private readonly rt: Runtime) {
    rt.onExecutionEnd((frame) => this.releaseAll(frame.id));
  }

  owner(key: string): number | undefined {
    const owner = this.owners.get(key);
    if (owner !== undefined && !this.rt.isLive(owner)) {
      this.owners.delete(key);
      return undefined;
    }
    return owner;
  }

  take(key: string, frameId: number): void {
    this.owners.set(key, frameId);
  }

  release(key: string): void {
    this.owners.delete(key);
  }

  private releaseAll(frameId: number): void {
    for (const [key, owner] of [...this.owners]) if (owner === frameId) this.owners.delete(key);
  }
}

export class Lock extends GasObject {
  constructor(
    rt: Runtime,
    private readonly registry: LockRegistry,
    private readonly key: string,
  ) {
    super(rt, 'Lock');
  }

  tryLock(timeoutInMillis: number): boolean {
    const me = this.rt.currentFrame().id;
    const owner = this.registry.owner(this.key);
    if (owner === undefined || owner === me) {
      this.registry.take(this.key, me);
      return true;
    }
    this.rt.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_ERROR);
  }

  hasLock(): boolean {
    return this.registry.owner(this.key) === this.rt.currentFrame().id;
  }

  releaseLock(): void {
    if (this.hasLock()) this.registry.release(this.key);
  }
}

export class LockService extends GasObject {
  constructor(
    rt: Runtime,
    private readonly registry: LockRegistry,
  ) {
    super(rt, 'LockService');
  }

  /** The lock of the active document, or null when there is none. */
  getDocumentLock(): Lock | null {
    const id = this.rt.activeSpreadsheetId;
    return id ? new Lock(this.rt, this.registry, `document:${id}`) : null;
  }

  getScriptLock(): Lock {
    return new Lock(this.rt, this.registry, 'script');
  }

  getUserLock(): Lock {
    return new Lock(this.rt, this.registry, `user:${this.rt.user}`);
  }
}
