import { runSize } from './run-sizes';
const n = Number(process.argv[2] ?? 1000);
const t = performance.now();
const r = runSize({ entries: n, clients: n >= 100000 ? 500 : n >= 10000 ? 150 : 50, runs: 1 }, (l) => process.stderr.write(l + '\n'));
for (const o of r.operations) console.log(o.label.padEnd(32), o.totalCalls, o.dataCalls, o.cellsRead, o.cellsWritten, (o.modelledMs/1000).toFixed(2), o.ownCpuMs.toFixed(1), o.serviceCpuMs.toFixed(1), o.peakHeapMb.toFixed(0), o.heapRiseMb.toFixed(0), o.perRow ? [o.perRow.totalCalls, (o.perRow.modelledMs/1000).toFixed(1)] : '');
console.log(r.capacity, ((performance.now() - t)/1000).toFixed(1), 's');
