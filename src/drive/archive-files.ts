/**
 * The yearly archive spreadsheets ("Prepaid archive {yyyy}"): the one whose ID Settings
 * recorded, else one of that name the add-on made before a stop, else a new one. What
 * goes into them is the sheets adapter's work (sheets/archive.repository.ts).
 */
import type { Found } from './find-or-create';
import type { Files } from './files';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function archiveName(year: string): string {
  return `Prepaid archive ${year}`;
}

/**
 * The year's archive. An ID recorded in Settings that no longer opens is an error a
 * person must resolve (restore it, or clear it), never a reason to start a second archive.
 */
export function openArchive(files: Files, year: string, recordedId: string | undefined): Found<Spreadsheet> {
  if (!recordedId) return files.findOrCreateSpreadsheet(archiveName(year));
  try {
    return { value: files.spreadsheetById(recordedId), via: 'id' };
  } catch {
    throw new Error(
      `The ${archiveName(year)} spreadsheet (ID ${recordedId}) cannot be opened. Restore it from the Drive trash, or remove it from Settings to start a new one.`,
    );
  }
}

/** Every recorded archive, oldest year first. */
export function openArchives(files: Files, archives: Readonly<Record<string, string>>): Spreadsheet[] {
  return Object.keys(archives)
    .sort()
    .map((year) => files.spreadsheetById(archives[year]));
}
