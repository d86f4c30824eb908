/**
 * The yearly archive spreadsheets through the Files port on the emulator's Drive: the
 * recorded one, else one of that name made before a stop, else a new one; a recorded
 * archive that no longer opens is an error a person must resolve, never a second archive.
 */
import { archiveName, openArchive } from '../../src/drive/archive-files';
import { emulatedApps } from '../../harness/emulated';

function files() {
  const { files: port, driveApp: drive } = emulatedApps();
  return { port, drive };
}

describe('openArchive', () => {
  it('creates the year’s archive once, then finds it by name or by its recorded ID', () => {
    const { port } = files();
    const created = openArchive(port, '2025', undefined);
    expect(created.via).toBe('created');
    expect(created.value.getName()).toBe(archiveName('2025'));
    const id = created.value.getId();
    expect(openArchive(port, '2025', undefined)).toMatchObject({ via: 'name' });
    expect(openArchive(port, '2025', undefined).value.getId()).toBe(id);
    expect(openArchive(port, '2025', id)).toMatchObject({ via: 'id' });
  });

  it('refuses a recorded archive that no longer opens, saying what to do', () => {
    const { port } = files();
    expect(() => openArchive(port, '2024', 'no-such-file')).toThrow(/Prepaid archive 2024 spreadsheet \(ID no-such-file\) cannot be opened\. Restore it/);
  });

  it('never takes a trashed file of that name', () => {
    const { port, drive } = files();
    const first = openArchive(port, '2023', undefined).value;
    drive.getFileById(first.getId()).setTrashed(true);
    const again = openArchive(port, '2023', undefined);
    expect(again.via).toBe('created');
    expect(again.value.getId()).not.toBe(first.getId());
  });
});
