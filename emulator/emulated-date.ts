/**
 * The `Date` global handed to the bundle: a Node-realm Date whose no-argument constructor,
 * `Date()` call and `Date.now()` follow the emulated clock, and whose local-time methods
 * (getHours, setDate, new Date(y, m, d), toString, ...) use the script time zone as in Apps Script
 * rather than the time zone of the machine running the tests. UTC methods are untouched.
 */
import { formatDate } from './format-date';
import { fromWallClock, toWallClock } from './time-zone';

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const getTime = Date.prototype.getTime;
const setTime = Date.prototype.setTime;

/** The instant of constructor arguments, reading local fields in `timeZone`. */
function instantOf(args: unknown[], timeZone: string, now: () => number): unknown[] {
  if (args.length === 0) return [now()];
  if (args.length === 1) {
    const match = typeof args[0] === 'string' ? LOCAL_ISO.exec(args[0]) : null;
    if (!match) return args;
    const [y, mo, d, h, mi, s = '0', ms = '0'] = match.slice(1);
    const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
    return [fromWallClock(wall, timeZone)];
  }
  const fields = args.map(Number) as [number, number, ...number[]];
  return [fromWallClock(Date.UTC(...fields), timeZone)];
}

/** Builds a Date constructor bound to `now` and `timeZone`. Instances pass instanceof Date and '[object Date]'. */
export function makeDateClass(now: () => number, timeZone: string): DateConstructor {
  function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new (EmulatedDate as unknown as DateConstructor)(now()).toString();
    return Reflect.construct(Date, instantOf(args, timeZone, now), new.target);
  }
  Object.setPrototypeOf(EmulatedDate, Date);
  const proto = Object.create(Date.prototype, {
    constructor: { value: EmulatedDate, writable: true, configurable: true },
  });
  EmulatedDate.prototype = proto;
  Object.defineProperty(EmulatedDate, 'now', { value: () => now(), writable: true, configurable: true });
  Object.defineProperty(EmulatedDate, 'name', { value: 'Date' });

  const define = (name: string, value: (this: Date, ...args: number[]) => unknown) =>
    Object.defineProperty(proto, name, { value, writable: true, configurable: true });
  /** The wall-clock reading of a date in the script time zone, as a Date read with getUTC*. */
  const wall = (date: Date): Date | null => {
    const ms = getTime.call(date);
    return Number.isNaN(ms) ? null : new Date(toWallClock(ms, timeZone));
  };

  for (const field of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    const utcGetter = (Date.prototype as unknown as Record<string, () => number>)[`getUTC${field}`];
    define(`get${field}`, function getLocal() {
      const w = wall(this);
      return w ? utcGetter.call(w) : NaN;
    });
    if (field === 'Day') continue;
    const utcSetter = (Date.prototype as unknown as Record<string, (...a: number[]) => number>)[`setUTC${field}`];
    define(`set${field}`, function setLocal(...args: number[]) {
      const w = wall(this) ?? new Date(NaN);
      const changed = utcSetter.apply(w, args);
      return setTime.call(this, Number.isNaN(changed) ? NaN : fromWallClock(changed, timeZone));
    });
  }
  define('getTimezoneOffset', function offset() {
    const ms = getTime.call(this);
    return Number.isNaN(ms) ? NaN : -Math.round((toWallClock(ms, timeZone) - ms) / 60000);
  });
  const text = (date: Date, pattern: string) => (Number.isNaN(getTime.call(date)) ? 'Invalid Date' : formatDate(date, timeZone, pattern));
  define('toString', function dateToString() {
    return text(this, "EEE MMM dd yyyy HH:mm:ss 'GMT'Z '('zzzz')'");
  });
  define('toDateString', function toDateString() {
    return text(this, 'EEE MMM dd yyyy');
  });
  define('toTimeString', function toTimeString() {
    return text(this, "HH:mm:ss 'GMT'Z '('zzzz')'");
  });
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
    const original = Date.prototype[name];
    define(name, function toLocale(this: Date, ...args: unknown[]) {
      const [locales, options] = args as [string | undefined, Intl.DateTimeFormatOptions | undefined];
      return original.call(this, locales, { timeZone, ...options });
    } as (this: Date, ...args: number[]) => unknown);
  }
  return EmulatedDate as unknown as DateConstructor;
}
