/**
 * The unit of the trust suite: one case tried (a fault at one write, one interleaving, one
 * hostile workbook, one permission check, one injection string) and whether the promise
 * held. Every module returns these, the jest tests assert that none failed, and
 * scripts/trust.ts counts them into docs/reliability.md.
 */

export interface CaseResult {
  /** Which table row of the report the case counts in. */
  kind: CaseKind;
  /** Which line of that row's breakdown: the operation, scenario, role or corpus. */
  group: string;
  /** What was tried, short enough for a failure list: "authorizeEntries (base) stopped after 3 writes". */
  name: string;
  held: boolean;
  /** Why it failed ('' when it held). */
  detail: string;
}

export const CASE_KINDS = ['fault', 'interleaving', 'hostile workbook', 'permission', 'injection', 'tamper', 'forged ledger', 'scope', 'dependency'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export function failed(kind: CaseKind, group: string, name: string, detail: string): CaseResult {
  return { kind, group, name, held: false, detail };
}

/** A case from a list of broken promises: it held when the list is empty. */
export function verdict(kind: CaseKind, group: string, name: string, broken: readonly string[]): CaseResult {
  return { kind, group, name, held: broken.length === 0, detail: broken.join('; ') };
}

/** The failed cases as "name: detail" lines, for a jest assertion that prints them. */
export function failures(results: readonly CaseResult[]): string[] {
  return results.filter((r) => !r.held).map((r) => `${r.name}: ${r.detail}`);
}

/** What an error is, for messages: its name and message, whatever realm it came from. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return `${String((error as Error).name)}: ${String((error as Error).message)}`;
  return String(error);
}

/** JavaScript's own error types: a user should never meet one, they mean a programming error. */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'InternalError', 'AggregateError']);
/** Program internals in a message; a user's own text quoted in it ("NaN") does not count. */
const UNREADABLE = /(?<!["\w])(undefined|NaN)(?!["\w])|\[object |is not a function|Cannot read propert|Cannot set propert|is not iterable|Maximum call stack/;

/**
 * Why an error is not one a person can act on ('' when it is): a JavaScript error type,
 * an empty message, or a message leaking program internals.
 */
export function unreadableError(error: unknown): string {
  if (!error || typeof error !== 'object' || !('message' in error)) return `threw a non-Error: ${String(error)}`;
  const { name, message } = error as Error;
  if (PROGRAMMING_ERRORS.has(String(name))) return `programming error ${describeError(error)}`;
  if (!String(message).trim()) return `an Error without a message (${String(name)})`;
  if (UNREADABLE.test(String(message))) return `a message a person cannot act on: ${describeError(error)}`;
  return '';
}
