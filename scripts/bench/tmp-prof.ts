import { generateWorkbook, loadWorkbook } from './workbook';
import { YEAR_FROM, YEAR_TO } from './run-sizes';
import { perRowAuthorize, perRowExport } from './per-row-baseline';
import { Session } from 'node:inspector';
const N = Number(process.argv[2] ?? 20000);
const data = generateWorkbook({ entries: N, clients: 500, open: N / 10, from: YEAR_FROM, to: YEAR_TO });
const addon = loadWorkbook(data);
const s = new Session(); s.connect();
s.post('Profiler.enable', () => s.post('Profiler.start', () => {
  const t = performance.now();
  const n = addon.emu.execution(() => process.argv[3] === "auth" ? perRowAuthorize(addon.emu.globals.SpreadsheetApp as any, data.openIds.slice(0, 200), "o", new Date()) : perRowExport(addon.emu.globals.SpreadsheetApp as any, data.bigClient));
  console.log('rows', n, 'ms', (performance.now() - t).toFixed(0), 'calls', addon.emu.calls.total());
  s.post('Profiler.stop', (err, { profile }: any) => {
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    profile.samples.forEach((id: number, i: number) => {
      const n: any = byId.get(id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
    });
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(v.toFixed(0).padStart(6), k);
  });
}));
