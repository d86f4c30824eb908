/**
 * Sharing a file on the emulator's Drive: people added and removed one by one (matched
 * whatever the case of their address), an address Drive refuses changes nothing, and
 * link sharing is set only when it is not already right.
 */
import { fileSharing, setLinkSharing } from '../../src/drive/sharing';
import { emulatedApps } from '../../harness/emulated';

const CLIENT = 'client@acme.example';

function aFile() {
  const apps = emulatedApps();
  const file = apps.driveApp.createFile('Prepaid log - Acme', 'rows');
  const record = () => apps.emu.files.get(file.getId())!;
  return { ...apps, file, record, sharing: fileSharing(file) };
}

describe('fileSharing', () => {
  it('adds and removes a viewer, and tells viewers from editors whatever the case of the address', () => {
    const { sharing, record, file } = aFile();
    expect([sharing.url(), sharing.ownerEmail()]).toEqual([file.getUrl(), 'owner@agency.test']);
    sharing.addViewer('Client@Acme.example');
    expect([sharing.isViewer(CLIENT), sharing.isViewer('CLIENT@acme.example'), sharing.isEditor(CLIENT)]).toEqual([true, true, false]);
    sharing.removeViewer('Client@Acme.example');
    expect([sharing.isViewer(CLIENT), record().viewers]).toEqual([false, []]);
  });

  it('takes an editor off', () => {
    const { sharing, file, record } = aFile();
    file.addEditor(CLIENT);
    expect([sharing.isEditor(CLIENT), sharing.isViewer(CLIENT)]).toEqual([true, false]);
    sharing.removeEditor(CLIENT);
    expect([sharing.isEditor(CLIENT), record().editors]).toEqual([false, []]);
  });

  it('lets Drive refuse an address that is not one, changing nothing', () => {
    const { sharing, record } = aFile();
    expect(() => sharing.addViewer('client at acme')).toThrow(/Invalid email/);
    expect(() => sharing.addViewer('')).toThrow(/Invalid email/);
    expect(record().viewers).toEqual([]);
  });
});

describe('setLinkSharing', () => {
  it('opens the file to anyone with the link, view only, once, and closes it again', () => {
    const { driveApp, file, emu } = aFile();
    const changes = () => emu.files.sharingLog.filter((e) => e.action === 'setSharing').map((e) => [e.access, e.permission]);
    setLinkSharing(driveApp, file.getId(), false);
    expect(changes()).toEqual([]);
    setLinkSharing(driveApp, file.getId(), true);
    setLinkSharing(driveApp, file.getId(), true);
    expect(changes()).toEqual([['ANYONE_WITH_LINK', 'VIEW']]);
    setLinkSharing(driveApp, file.getId(), false);
    expect(changes()).toEqual([
      ['ANYONE_WITH_LINK', 'VIEW'],
      ['PRIVATE', 'NONE'],
    ]);
    expect(file.getSharingAccess()).toBe(driveApp.Access.PRIVATE);
  });

  it('turns a link that lets anyone edit into one that lets them view', () => {
    const { driveApp, file } = aFile();
    file.setSharing(driveApp.Access.ANYONE_WITH_LINK, driveApp.Permission.EDIT);
    setLinkSharing(driveApp, file.getId(), true);
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual([driveApp.Access.ANYONE_WITH_LINK, driveApp.Permission.VIEW]);
  });
});
