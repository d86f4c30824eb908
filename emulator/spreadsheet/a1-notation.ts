/**
 * A1 notation: 'B3', 'A1:C3', 'A:A', 'A2:C', '3:5', optionally prefixed by a sheet name ('Log'!A1).
 */
import type { Area } from './model';

export interface ParsedA1 {
  sheetName?: string;
  area: Area;
}

function columnLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const REF = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Parses A1 notation against a sheet of the given size. Throws Apps Script's error when invalid. */
export function parseA1(notation: string, maxRows: number, maxColumns: number): ParsedA1 {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [startText, endText = startText] = text.split(':');
  const start = REF.exec(startText);
  const end = REF.exec(endText);
  if (!start || !end || (!start[1] && !start[2]) || (!end[1] && !end[2])) throw new Error(`Range not found`);
  const startColumn = start[1] ? columnNumber(start[1]) : 1;
  const startRow = start[2] ? Number(start[2]) : 1;
  const endColumn = end[1] ? columnNumber(end[1]) : maxColumns;
  const endRow = end[2] ? Number(end[2]) : maxRows;
  if (startRow < 1 || endRow < 1) throw new Error('Range not found');
  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  return {
    sheetName,
    area: { row, column, numRows: Math.abs(endRow - startRow) + 1, numColumns: Math.abs(endColumn - startColumn) + 1 },
  };
}

/** 'B3' for one cell, 'A1:C3' otherwise. */
export function toA1(area: Area): string {
  const start = `${columnLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}
