/**
 * The sidebar on the demo's workbook, for `npm run sidebar` and the tests: the demo is
 * replayed quietly and the built sidebar served through the local bridge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Addon } from './addon';
import { runDemo } from './demo';
import { type SidebarBridge, startBridge } from './sidebar-bridge';

/** Replays the demo (its files go to a scratch folder, removed after) and serves the sidebar on its workbook. */
export async function startSidebarServer(opts: { port?: number; latencyMs?: number } = {}): Promise<{ addon: Addon; bridge: SidebarBridge }> {
  const scratch = mkdtempSync(join(tmpdir(), 'prepaid-time-sidebar-'));
  try {
    const { addon } = await runDemo({ outDir: scratch, say: () => {} });
    const bridge = await startBridge(addon, { port: opts.port ?? 0, latencyMs: opts.latencyMs ?? 0 });
    return { addon, bridge };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
