/**
 * `npm run sidebar`: the real sidebar in your own browser, without Google. It loads the
 * built server bundle (dist/Code.js) into the emulator, replays `npm run demo` quietly so
 * the workbook is the one the demo leaves (its last week still open to authorize), and
 * serves dist/Sidebar.html through the local bridge, which runs each google.script.run
 * call on that bundle. Rebuild (`npm run build`) and reload the page to see changes; the
 * workbook lives as long as this process.
 */
import { AUTHORIZER, EDITOR } from '../harness/demo-workbook';
import { startSidebarServer } from '../harness/sidebar-server';

async function main(): Promise<void> {
  console.log('Replaying the demo (npm run demo) to build its workbook…');
  const { bridge } = await startSidebarServer({ port: Number(process.env.PORT ?? 8080), latencyMs: Number(process.env.LATENCY_MS ?? 150) });
  console.log('Prepaid Time sidebar on the local emulator, on the workbook the demo leaves.\n');
  console.log(`  As the authorizer (${AUTHORIZER}):  ${bridge.url}`);
  console.log(`  As a team member (${EDITOR}):     ${bridge.url}?as=${encodeURIComponent(EDITOR)}`);
  console.log('\nPORT=… and LATENCY_MS=… change the port and the simulated round trip. Ctrl+C stops.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
