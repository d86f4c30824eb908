/**
 * A spreadsheet rendered as an HTML page of tables (display values of each sheet's data range):
 * what a PDF export of the spreadsheet shows in the emulator.
 */
import { escapeHtml } from '../document-model';
import { displayCell } from './cell-values';
import type { SpreadsheetModel } from './model';

export function spreadsheetToHtml(ss: SpreadsheetModel): string {
  const sections = ss.sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => {
      const rows: string[] = [];
      for (let r = 0; r < sheet.lastRow(); r += 1) {
        const cells: string[] = [];
        for (let c = 0; c < sheet.lastColumn(); c += 1) cells.push(`<td>${escapeHtml(displayCell(sheet.get(r, c)))}</td>`);
        rows.push(`<tr>${cells.join('')}</tr>`);
      }
      return `<h2>${escapeHtml(sheet.name)}</h2>\n<table>${rows.join('\n')}</table>`;
    });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(ss.name)}</title></head>\n<body>\n${sections.join('\n')}\n</body></html>\n`;
}
