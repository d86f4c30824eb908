/**
 * The one way the add-on finds a file it may have made before: by the ID it recorded,
 * else by name, else it creates one. A run stopped right after a create finds what it
 * made instead of making a second copy. Trashed files never count.
 */
type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export const GOOGLE_DOCS = 'application/vnd.google-apps.document';
export const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';
export const PDF = 'application/pdf';

/** The first item of a Drive iterator that is not in the trash and that `accept` takes. */
export function firstLive<T extends File | Folder>(iterator: { hasNext(): boolean; next(): T }, accept: (item: T) => boolean = () => true): T | null {
  while (iterator.hasNext()) {
    const item = iterator.next();
    if (!item.isTrashed() && accept(item)) return item;
  }
  return null;
}

/** The file with this ID, or null when there is none, it is gone or it is in the trash. */
export function liveFile(drive: DriveApp, id: string): File | null {
  if (!id) return null;
  try {
    const file = drive.getFileById(id);
    return file.isTrashed() ? null : file;
  } catch {
    return null;
  }
}

/** The folder with this ID, or null when there is none, it is gone or it is in the trash. */
export function liveFolder(drive: DriveApp, id: string): Folder | null {
  if (!id) return null;
  try {
    const folder = drive.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

/** How to find a file: a recorded ID, then a name looked up once per test in `byName`, in order. */
export interface FileQuery {
  id?: string;
  name: string;
  /** One lookup by name per test, tried in order (default: one lookup taking any live file). */
  byName?: ((file: File) => boolean)[];
}

/** What {@link findOrCreate} returns: the value, and whether it came by the recorded ID, by name, or was created now. */
export interface Found<T> {
  value: T;
  via: 'id' | 'name' | 'created';
}

/**
 * The file the query finds (opened with `open`), else a new one from `create`. `via` says
 * which, so a caller records an ID unless it came by the recorded one.
 */
export function findOrCreate<T>(drive: DriveApp, query: FileQuery, open: (file: File) => T, create: () => T): Found<T> {
  const byId = query.id ? liveFile(drive, query.id) : null;
  if (byId) return { value: open(byId), via: 'id' };
  for (const accept of query.byName ?? [() => true]) {
    const found = firstLive(drive.getFilesByName(query.name), accept);
    if (found) return { value: open(found), via: 'name' };
  }
  return { value: create(), via: 'created' };
}

/** The IDs of a file's folders. */
export function parentIds(file: File): string[] {
  const ids: string[] = [];
  const parents = file.getParents();
  while (parents.hasNext()) ids.push(parents.next().getId());
  return ids;
}
