import { generateWorkbook, loadWorkbook } from './workbook';
const data = generateWorkbook({ entries: 4000, clients: 50, open: 200, from: Date.UTC(2025, 0, 2), to: Date.UTC(2026, 11, 30) });
const addon = loadWorkbook(data);
const r = addon.server.archiveBefore('2026-01-01');
console.log(r.summary);
console.log(Object.entries(addon.emu.calls.snapshot()).filter(([, v]) => v > 5));
