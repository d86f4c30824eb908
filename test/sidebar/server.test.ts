/**
 * The sidebar's typed wrapper around google.script.run: its names and parameters come
 * from the server module (checked by tsc, which `npm test` runs), and it turns the
 * success and failure handlers into a promise with a readable message.
 */
import { call, failureMessage } from '../../sidebar/server';

type Handlers = { success?: (v: unknown) => void; failure?: (e: Error) => void; called?: { name: string; args: unknown[] } };

/** A stand-in for google.script.run whose server answers with `answer(name, args)`. */
function fakeRun(answer: (name: string, args: unknown[]) => unknown): Handlers {
  const seen: Handlers = {};
  const runner: Record<string, unknown> = new Proxy(
    {},
    {
      get: (_t, name: string) => {
        if (name === 'withSuccessHandler')
          return (fn: Handlers['success']) => {
            seen.success = fn;
            return runner;
          };
        if (name === 'withFailureHandler')
          return (fn: Handlers['failure']) => {
            seen.failure = fn;
            return runner;
          };
        return (...args: unknown[]) => {
          seen.called = { name, args };
          try {
            seen.success?.(answer(name, args));
          } catch (error) {
            seen.failure?.(error as Error);
          }
        };
      },
    },
  );
  (globalThis as unknown as { google: unknown }).google = { script: { run: runner } };
  return seen;
}

afterEach(() => {
  delete (globalThis as unknown as { google?: unknown }).google;
});

describe('call', () => {
  it('calls the named server function with its arguments and resolves with the answer', async () => {
    const seen = fakeRun(() => ({ summary: 'ok' }));
    await expect(call('reverseEntries', ['E-A'], 'Wrong client')).resolves.toEqual({ summary: 'ok' });
    expect(seen.called).toEqual({ name: 'reverseEntries', args: [['E-A'], 'Wrong client'] });
  });

  it('rejects with the server error in words', async () => {
    fakeRun(() => {
      throw new Error('Exception: Only authorizers can do this.');
    });
    await expect(call('addCredits', 'Acme', 1, 'note')).rejects.toThrow(/^Only authorizers can do this\.$/);
  });

  it('accepts only server functions, with their parameters (checked by tsc)', () => {
    fakeRun(() => null);
    const calls = () => [
      // @ts-expect-error: the server has no such function
      call('authorizeEverything'),
      // @ts-expect-error: authorizeEntries takes a list of Entry IDs, not one
      call('authorizeEntries', 'E-A'),
      // @ts-expect-error: logTime needs an entry
      call('logTime'),
      call('getSidebarData', { client: 'Acme', status: 'open' }),
    ];
    expect(calls).toBeInstanceOf(Function);
  });
});

describe('failureMessage', () => {
  it.each([
    [new Error('Exception: Service Spreadsheets timed out'), 'Service Spreadsheets timed out'],
    [Object.assign(new Error('PermissionError: Only authorizers can do this.'), { name: 'PermissionError' }), 'Only authorizers can do this.'],
    ['Plain text', 'Plain text'],
    [undefined, 'The server did not answer. Check your connection and try again.'],
  ])('turns %p into %p', (error, message) => {
    expect(failureMessage(error)).toBe(message);
  });
});
