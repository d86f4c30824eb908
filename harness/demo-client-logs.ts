/**
 * The demo's client-log part: exports every client's prepaid log on the emulator, shares
 * one with its client, and saves each file under out/logs/ as `{client}.xlsx` (exceljs)
 * and `{client}.html` (see client-log-html.ts), so a person can open what the client sees.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Addon } from './addon';
import { readRows } from '../emulator/sheet-rows';
import { renderClientLogHtml } from './client-log-html';
import { saveAsXlsx } from './xlsx-export';

export interface ClientLogFiles {
  client: string;
  url: string;
  xlsx: string;
  html: string;
}

/** A client name as a file name: path separators and other awkward characters become "_". */
function fileNameOf(client: string): string {
  return client.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'client';
}

/**
 * Exports every client in Credits, shares the first one's log with its billing email (or
 * `share`), prints one line per client and writes out/logs/{client}.xlsx and .html.
 */
export async function demoClientLogs(
  addon: Addon,
  opts: { outDir?: string; share?: { client: string; email: string }; say?: (line: string) => void } = {},
): Promise<ClientLogFiles[]> {
  const say = opts.say ?? console.log;
  const outDir = opts.outDir ?? join(__dirname, '..', 'out', 'logs');
  mkdirSync(outDir, { recursive: true });
  const credits = readRows(addon.emu.spreadsheet, 'Credits').filter((r) => String(r.Client ?? '').trim());
  say('\nClient prepaid logs (one spreadsheet per client, only their rows):');
  const files: ClientLogFiles[] = [];
  for (const row of credits) {
    const client = String(row.Client).trim();
    const result = addon.server.exportPrepaidLog(client);
    say(`  ${client.padEnd(22)} ${String(result.rows).padStart(3)} rows, ${(result.balanceMinutes / 60).toFixed(2).padStart(7)} h left; ${result.forecast}`);
    const id = /\/d\/([^/]+)/.exec(result.url)![1];
    const spreadsheet = (addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(id);
    const base = join(outDir, fileNameOf(client));
    await saveAsXlsx(spreadsheet, `${base}.xlsx`);
    writeFileSync(`${base}.html`, renderClientLogHtml(spreadsheet));
    files.push({ client, url: result.url, xlsx: `${base}.xlsx`, html: `${base}.html` });
  }
  const first = credits[0];
  const share = opts.share ?? (first ? { client: String(first.Client).trim(), email: String(first['Billing email'] ?? '').trim() } : null);
  if (share?.email) say(`  ${addon.server.shareClientLog(share.client, share.email).summary}`);
  say(`  Saved ${files.length} logs as .xlsx and .html under ${outDir}.`);
  return files;
}
