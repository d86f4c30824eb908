/**
 * The one find-or-create, on the emulator's Drive: by the recorded ID, else by name
 * (trashed files never count), else a new file.
 */
import { findOrCreate } from '../../src/drive/find-or-create';
import { emulatedApps } from '../../harness/emulated';

const drive = () => emulatedApps().driveApp;

describe('findOrCreate', () => {
  it('creates a file when none is found, then finds it by name', () => {
    const driveApp = drive();
    const create = () => driveApp.createFile('Report', 'v1');
    const first = findOrCreate(driveApp, { name: 'Report' }, (f) => f, create);
    const again = findOrCreate(driveApp, { name: 'Report' }, (f) => f, create);
    expect([first.via, again.via]).toEqual(['created', 'name']);
    expect(again.value.getId()).toBe(first.value.getId());
  });

  it('prefers the recorded ID, and ignores trashed files', () => {
    const driveApp = drive();
    const kept = driveApp.createFile('Report', 'kept');
    const trashed = driveApp.createFile('Report', 'trashed');
    trashed.setTrashed(true);
    expect(
      findOrCreate(
        driveApp,
        { id: kept.getId(), name: 'Report' },
        (f) => f.getId(),
        () => 'new',
      ),
    ).toEqual({ value: kept.getId(), via: 'id' });
    expect(
      findOrCreate(
        driveApp,
        { id: trashed.getId(), name: 'Report' },
        (f) => f.getId(),
        () => 'new',
      ),
    ).toEqual({ value: kept.getId(), via: 'name' });
  });

  it('tries each name test in order', () => {
    const driveApp = drive();
    driveApp.createFile('Report', 'text');
    const found = findOrCreate(
      driveApp,
      { name: 'Report', byName: [(f) => f.getMimeType() === 'application/pdf'] },
      (f) => f,
      () => null,
    );
    expect(found).toEqual({ value: null, via: 'created' });
  });
});
