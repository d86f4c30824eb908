/**
 * Logging time and the timer as use cases on in-memory ports: the timer lives in the
 * user's properties, and a refused entry comes back field by field with nothing written.
 */
import { readRows } from '../../../emulator/sheet-rows';
import { getTimer, logTime, startTimer, stopTimer } from '../../../src/app/time-entries';
import { memoryPorts } from '../../../harness/ports';
import { pasteClients } from '../../../harness/workbook';

function workbook() {
  const ports = memoryPorts({ user: 'ann@agency.test' });
  pasteClients(ports.emu.spreadsheet, [{ Client: 'Acme' }]);
  return ports;
}

describe('tracking time', () => {
  it('logs an entry with a new Entry ID', () => {
    const ports = workbook();
    const result = logTime(ports.services, { client: 'Acme', description: 'Design', hours: '1h30' });
    expect(result).toMatchObject({ ok: true, entry: { client: 'Acme', minutes: 90, date: '2026-01-05', person: 'Ann' } });
    expect(readRows(ports.emu.spreadsheet, 'Time entries')).toHaveLength(1);
  });

  it('refuses field by field with a code, writing nothing', () => {
    const ports = workbook();
    const result = logTime(ports.services, { client: 'Globex', description: '', hours: 'x' });
    expect(result).toMatchObject({
      ok: false,
      errors: { client: expect.any(String), description: expect.any(String), hours: expect.any(String) },
    });
    expect(readRows(ports.emu.spreadsheet, 'Time entries')).toHaveLength(0);
  });

  it('keeps the timer in the user properties and logs it on stop', () => {
    const ports = workbook();
    startTimer(ports.services, 'Acme', 'Call');
    ports.advance(30 * 60_000);
    expect(getTimer(ports.services)).toMatchObject({ client: 'Acme', description: 'Call', elapsedMinutes: 30 });
    expect(Object.keys(ports.userProperties.getProperties())).toEqual(['prepaidTime.timer']);
    expect(stopTimer(ports.services)).toMatchObject({ ok: true, stopped: { client: 'Acme', minutes: 30 } });
    expect(ports.userProperties.getProperties()).toEqual({});
  });
});
