/**
 * The base class of every emulated Apps Script object. Its constructor returns a Proxy that sends
 * each public method call through Runtime.invoke, so counting, fault injection and write
 * classification live in one place instead of in every method.
 *
 * Names starting with '_' and non-function properties are internal and pass through untouched.
 */
import type { Runtime } from './runtime';

const OBJECT_METHODS = new Set(Object.getOwnPropertyNames(Object.prototype));

export abstract class GasObject {
  /**
   * @param rt the emulator runtime
   * @param className the Apps Script class name used in call keys ('Range', 'SpreadsheetApp', ...)
   * @param writes the method names of this class that mutate state (see Faults)
   */
  constructor(
    protected readonly rt: Runtime,
    className: string,
    writes: ReadonlySet<string> = NO_WRITES,
  ) {
    const wrappers = new Map<string, unknown>();
    // The proxy becomes `this` for the subclass constructors and for every method call.
    // biome-ignore lint/correctness/noConstructorReturn: returning the proxy is how every call gets counted
    return new Proxy(this, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        if (prop.startsWith('_') || prop === 'constructor' || OBJECT_METHODS.has(prop)) return value;
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          const key = `${className}.${prop}`;
          const isWrite = writes.has(prop);
          const method = value as (...args: unknown[]) => unknown;
          wrapper = (...args: unknown[]) => rt.invoke(key, isWrite, method, receiver, args);
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      },
    });
  }
}

const NO_WRITES: ReadonlySet<string> = new Set();

/**
 * Adds methods that only need to exist and be counted (cosmetic formatting and the like).
 * Each returns `this` so chains keep working. They change the real document, so when the class's
 * write set is given they are classified as writes.
 */
export function addChainableNoOps(cls: { prototype: object }, names: readonly string[], writes?: Set<string>): void {
  for (const name of names) {
    writes?.add(name);
    Object.defineProperty(cls.prototype, name, {
      value: function noOp(this: unknown) {
        return this;
      },
      writable: true,
      configurable: true,
    });
  }
}

/** Adds getters with a fixed answer (getBackground -> '#ffffff', ...). */
export function addConstantGetters(cls: { prototype: object }, answers: Record<string, unknown>): void {
  for (const [name, answer] of Object.entries(answers)) {
    Object.defineProperty(cls.prototype, name, {
      value: () => (Array.isArray(answer) ? [...answer] : answer),
      writable: true,
      configurable: true,
    });
  }
}
