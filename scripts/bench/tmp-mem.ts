import { generateWorkbook, loadWorkbook } from './workbook';
import { YEAR_FROM, YEAR_TO } from './run-sizes';
import { measure } from './measure';
const data = generateWorkbook({ entries: 100000, clients: 500, open: 10000, from: YEAR_FROM, to: YEAR_TO });
const gc = (globalThis as any).gc;
for (let i = 0; i < 6; i++) {
  const addon = loadWorkbook(data);
  const { measurement } = measure(addon, () => addon.server.authorizeEntries(data.openIds.slice(0, 1)));
  console.log(i, measurement.peakHeapMb.toFixed(0), measurement.heapRiseMb.toFixed(0), (process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
gc(); console.log('after one gc', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
gc(); console.log('after two', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
