/**
 * The sidebar's only door to the server: a promise around `google.script.run` whose
 * names, parameters and results are taken from the server's entry module, so calling a
 * function that does not exist, or with the wrong arguments, does not compile.
 * google.script.run cannot carry Dates, so the API sends days and instants as strings.
 */
import type * as Server from '../src/index';

type ServerModule = typeof Server;
export type ServerName = keyof ServerModule;
export type ServerResult<K extends ServerName> = ReturnType<ServerModule[K]>;

/** The message to show for a failure: Apps Script prefixes some with "Exception: ". */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const clean = message.replace(/^(Exception|Error|[A-Za-z]+Error): /, '').trim();
  return clean || 'The server did not answer. Check your connection and try again.';
}

/** Calls a server function; resolves with its result or rejects with an Error whose message a person can read. */
export function call<K extends ServerName>(name: K, ...args: Parameters<ServerModule[K]>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    (runner[name] as (...a: unknown[]) => unknown)(...args);
  });
}
