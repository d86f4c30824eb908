import { archiveYears } from './archive-years';
const pts = archiveYears({ entriesPerYear: Number(process.argv[2] ?? 2000), clients: Number(process.argv[3] ?? 50), years: 3 }, (l) => process.stderr.write(l + '\n'));
for (const p of pts) {
  console.log(p.years, p.entries, 'kept grid', p.kept.gridCells, 'archived grid', p.archived.gridCells, p.archived.archiveRun && [p.archived.archiveRun.totalCalls, p.archived.archiveRun.cellsRead, p.archived.archiveRun.cellsWritten, (p.archived.archiveRun.modelledMs/1000).toFixed(1), p.archived.archiveRun.movedLogRows, p.archived.archiveRun.movedEntries, p.archived.archiveRun.ownCpuMs.toFixed(0)]);
  for (let i = 0; i < p.kept.operations.length; i++) { const k = p.kept.operations[i], a = p.archived.operations[i]; console.log('  ', k.label.padEnd(30), k.totalCalls, a.totalCalls, k.cellsRead, a.cellsRead, (k.modelledMs/1000).toFixed(2), (a.modelledMs/1000).toFixed(2), k.ownCpuMs.toFixed(0), a.ownCpuMs.toFixed(0)); }
}
