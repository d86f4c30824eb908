import { generateWorkbook, loadWorkbook } from './workbook';
import { YEAR_FROM, YEAR_TO } from './run-sizes';
const n = Number(process.argv[2] ?? 1000);
const data = generateWorkbook({ entries: n, clients: 50, open: n/2, from: YEAR_FROM, to: YEAR_TO });
for (const name of ['getSidebarData', 'exportPrepaidLog', 'runAutomaticInvoicing']) {
  const addon = loadWorkbook(data);
  addon.call(name, name === 'exportPrepaidLog' ? [data.bigClient] : []);
  const s = addon.emu.calls.snapshot();
  console.log(name, Object.entries(s).filter(([, v]) => v > 3).map(([k, v]) => `${k}=${v}`).join(' '));
}
