import { startAddon } from './emulator/addon';
import { seedSidebarWorkbook } from './scripts/sidebar-workbook';
import { launchChromium, openSidebar } from './test/browser/chromium';
(async () => {
  const addon = startAddon({ user: 'owner@agency.test', seed: 2026 });
  seedSidebarWorkbook(addon);
  const b = await launchChromium();
  const s = await openSidebar(b, addon);
  const p = s.page;
  await p.screenshot({ path: '/tmp/p-auth-top.png' });
  await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await p.screenshot({ path: '/tmp/p-auth-bottom.png' });
  await p.evaluate(() => window.scrollTo(0, 0));
  for (const tab of ['credits', 'track', 'settings']) { await p.click('#tab-' + tab); await p.screenshot({ path: '/tmp/p-' + tab + '.png', fullPage: true }); }
  console.log(s.errors);
  await s.close(); await b.close();
})();
