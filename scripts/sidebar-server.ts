/**
 * `npm run sidebar`: the real sidebar in your own browser, without Google. It loads the
 * built server bundle (dist/Code.js) into the emulator with the demo workbook and serves
 * dist/Sidebar.html through the local bridge, which runs each google.script.run call on
 * that bundle. Rebuild (`npm run build`) and reload the page to see changes; the
 * workbook lives as long as this process.
 */
import { startAddon } from '../harness/addon';
import { AUTHORIZER, EDITOR } from '../harness/demo-workbook';
import { startBridge } from '../harness/sidebar-bridge';
import { seedSidebarWorkbook } from '../harness/sidebar-workbook';

async function main(): Promise<void> {
  const addon = startAddon({ user: AUTHORIZER, seed: 2026, timeZone: 'Europe/Brussels', spreadsheetName: 'Agency hours 2026' });
  seedSidebarWorkbook(addon);
  const port = Number(process.env.PORT ?? 8080);
  const bridge = await startBridge(addon, { port, latencyMs: Number(process.env.LATENCY_MS ?? 150) });
  console.log('Prepaid Time sidebar on the local emulator, with the demo workbook.\n');
  console.log(`  As the authorizer (${AUTHORIZER}):  ${bridge.url}`);
  console.log(`  As a team member (${EDITOR}):     ${bridge.url}?as=${encodeURIComponent(EDITOR)}`);
  console.log('\nPORT=… and LATENCY_MS=… change the port and the simulated round trip. Ctrl+C stops.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
