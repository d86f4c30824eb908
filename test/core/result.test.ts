/**
 * The one result type: a value or a coded refusal, and how an entry point turns a refusal
 * into the error the server API throws.
 */
import { CodedError, ok, refuse, unwrap } from '../../src/core/result';

describe('Result', () => {
  it('unwraps a value', () => {
    expect(unwrap(ok(42))).toBe(42);
  });

  it('throws a refusal as a CodedError with its code and message', () => {
    let error: unknown;
    try {
      unwrap(refuse('unknown-client', 'There is no client "Globex" in Credits.'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({ code: 'unknown-client', message: 'There is no client "Globex" in Credits.' });
  });
});
