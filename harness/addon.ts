/**
 * The add-on as its users meet it, on the emulator: the built dist/Code.js (the very file
 * clasp pushes) loaded through gas-local, and its server functions called the way
 * `google.script.run` calls them — each call its own execution, as a given user, with
 * arguments and results passed through JSON. Shared by the demo, the tests, the sidebar
 * bridge and the benchmark.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Server from '../src/index';
import { createEmulator, loadBundle, type Emulator, type EmulatorOptions } from '../emulator/index';

type ServerModule = typeof Server;
export type ServerName = keyof ServerModule;
/** The server API as the sidebar sees it: the same names and parameters, results after JSON. */
export type ServerApi = { [K in ServerName]: (...args: Parameters<ServerModule[K]>) => ReturnType<ServerModule[K]> };

export interface Addon {
  emu: Emulator;
  bundle: Record<string, (...args: unknown[]) => unknown>;
  /** Calls as the emulator's current user. */
  server: ServerApi;
  /** Calls as another user (the emulator's current user is left as it was). */
  as(user: string): ServerApi;
  /** Calls one function by name with JSON arguments, as the HTTP bridge does. */
  call(name: string, args: unknown[], user?: string): unknown;
}

function jsonRoundTrip<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function startAddon(opts: EmulatorOptions & { distDir?: string } = {}): Addon {
  const distDir = opts.distDir ?? join(__dirname, '..', 'dist');
  if (!existsSync(join(distDir, 'Code.js'))) throw new Error(`${distDir}/Code.js is missing: run \`npm run build\` first.`);
  const emu = createEmulator({ htmlDir: distDir, spreadsheetName: 'Prepaid Time', ...opts });
  const bundle = loadBundle(emu, distDir) as Addon['bundle'];
  const call = (name: string, args: unknown[], user?: string): unknown => {
    const fn = bundle[name];
    if (typeof fn !== 'function') throw new Error(`The server has no function ${name}.`);
    const result = emu.execution(() => fn(...jsonRoundTrip(args)), user === undefined ? undefined : { user });
    return jsonRoundTrip(result);
  };
  const api = (user?: string): ServerApi =>
    new Proxy({} as ServerApi, {
      get:
        (_t, name: string) =>
        (...args: unknown[]) =>
          call(name, args, user),
    });
  return { emu, bundle, server: api(), as: (user) => api(user), call };
}
