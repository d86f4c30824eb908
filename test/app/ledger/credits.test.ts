/**
 * Top-ups and adjustments as use cases on in-memory ports: coded refusals that write
 * nothing, and a request ID that records a retried top-up once.
 */
import { readRows } from '../../../emulator/sheet-rows';
import { addCredits, adjustCredits } from '../../../src/app/ledger';
import { memoryPorts } from '../../../harness/ports';
import { pasteClients } from '../../../harness/workbook';

function workbook() {
  const ports = memoryPorts();
  pasteClients(ports.emu.spreadsheet, [{ Client: 'Acme', 'Minimum balance (h)': 2 }]);
  return ports;
}

describe('addCredits and adjustCredits', () => {
  it('tops up, with the balance change from the core', () => {
    const ports = workbook();
    const result = addCredits(ports.services, 'Acme', '1:30', 'First block');
    expect(result).toMatchObject({
      ok: true,
      value: { ok: true, client: 'Acme', minutes: 90, balance: { beforeMinutes: 0, afterMinutes: 90, belowMinimum: true } },
    });
    expect(readRows(ports.emu.spreadsheet, 'Prepaid log').map((r) => r.Kind)).toEqual(['Top-up']);
  });

  it.each([
    ['an unknown client', () => ['Globex', 5, ''], { client: expect.stringMatching(/no client "Globex"/) }],
    ['unreadable hours', () => ['Acme', 'lots', ''], { hours: expect.stringMatching(/not a number/) }],
    ['zero hours', () => ['Acme', 0, ''], { hours: 'Add more than 0 hours.' }],
  ])('refuses %s field by field and writes nothing', (_label, args, errors) => {
    const ports = workbook();
    const before = ports.emu.snapshot();
    const [client, hours, note] = args() as [string, number, string];
    expect(addCredits(ports.services, client, hours, note)).toEqual({
      ok: true,
      value: { ok: false, errors, summary: expect.stringMatching(/^Nothing was changed/) },
    });
    expect(ports.emu.snapshot()).toEqual(before);
  });

  it('refuses someone who is not an authorizer before reading the client', () => {
    const ports = workbook();
    ports.signIn('ben@agency.test');
    expect(addCredits(ports.services, 'Globex', 5, '')).toMatchObject({ ok: false, refusal: { code: 'not-authorizer' } });
  });

  it('needs a reason for an adjustment', () => {
    const ports = workbook();
    expect(adjustCredits(ports.services, 'Acme', '-1', ' ')).toMatchObject({ ok: true, value: { ok: false, errors: { reason: expect.any(String) } } });
  });

  it('records a retried request once', () => {
    const ports = workbook();
    addCredits(ports.services, 'Acme', 5, 'Block', 'req-1');
    const again = addCredits(ports.services, 'Acme', 5, 'Block', 'req-1');
    expect(again).toMatchObject({ ok: true, value: { ok: true, balance: { afterMinutes: 300 } } });
    expect(readRows(ports.emu.spreadsheet, 'Prepaid log')).toHaveLength(1);
  });
});
