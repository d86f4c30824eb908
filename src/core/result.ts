/**
 * One shape for every expected failure. A use case that can be refused (an unknown client,
 * an unpaid invoice, a user who is not an authorizer, hours that cannot be read) returns a
 * `Result`: the value, or a `Refusal` with a stable `code` for programs and tests and a
 * `message` for people that says what to do next. Nothing is written before a refusal.
 * Programming errors and broken invariants throw a `CodedError`, which carries a code too.
 */

/** An expected failure: a stable code for programs and a sentence for people. */
export interface Refusal<C extends string = string> {
  code: C;
  message: string;
}

/** The value, or why there is none. */
export type Result<T, R extends Refusal = Refusal> = { ok: true; value: T } | { ok: false; refusal: R };

/** A successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A refused result. */
export function refuse<C extends string>(code: C, message: string): { ok: false; refusal: Refusal<C> } {
  return { ok: false, refusal: { code, message } };
}

/** An error with a stable code: a refusal raised where the API throws, or a broken invariant. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/**
 * The value of a result, or its refusal thrown as a {@link CodedError}. For the entry
 * points: the server API reports a refusal by throwing, so `google.script.run` hands the
 * sidebar its message.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CodedError(result.refusal.code, result.refusal.message);
}
