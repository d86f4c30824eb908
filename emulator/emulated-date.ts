/**
 * The `Date` global handed to the bundle: a Node-realm Date whose no-argument constructor,
 * `Date()` call and `Date.now()` follow the emulated clock. Every other form behaves like Date.
 */

/** Builds a Date constructor bound to `now`. Instances pass instanceof Date and '[object Date]'. */
export function makeDateClass(now: () => number): DateConstructor {
  function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Date(now()).toString();
    return Reflect.construct(Date, args.length > 0 ? args : [now()], new.target);
  }
  Object.setPrototypeOf(EmulatedDate, Date);
  EmulatedDate.prototype = Object.create(Date.prototype, {
    constructor: { value: EmulatedDate, writable: true, configurable: true },
  });
  Object.defineProperty(EmulatedDate, 'now', { value: () => now(), writable: true, configurable: true });
  Object.defineProperty(EmulatedDate, 'name', { value: 'Date' });
  return EmulatedDate as unknown as DateConstructor;
}
