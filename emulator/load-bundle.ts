/**
 * Loads the add-on's built bundle (dist/Code.js) into a Node vm context whose globals are the
 * emulator's services, through gas-local like the integration tests of the models we follow.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as gasLocal from 'gas-local';

export interface BundleHost {
  globals: Record<string, unknown>;
}

/**
 * Runs `<distDir>/Code.js` with the emulator's globals and returns the vm context, whose top-level
 * functions are the add-on's entry points (ctx.onOpen(), ctx.authorizeEntries(...)).
 * The context gets its own copy of the globals object, so loading twice gives independent contexts.
 */
export function loadBundle(emu: BundleHost, distDir = 'dist'): Record<string, (...args: unknown[]) => unknown> {
  if (!existsSync(join(distDir, 'Code.js'))) throw new Error(`No bundle at ${join(distDir, 'Code.js')}: run the build first.`);
  const context = gasLocal.require(distDir, { ...emu.globals }, { filter: (path) => basename(path) === 'Code.js' });
  return context as Record<string, (...args: unknown[]) => unknown>;
}
