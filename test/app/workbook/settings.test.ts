/** Changing the workbook's settings as a use case: a bad value refuses the whole change with a code, writing nothing. */
import { getSettings, saveSettings } from '../../../src/app/workbook';
import { memoryPorts } from '../../../harness/ports';

describe('saveSettings', () => {
  it('saves a valid change', () => {
    const ports = memoryPorts();
    expect(saveSettings(ports.services, { roundingMinutes: 15 })).toMatchObject({ ok: true, value: { roundingMinutes: 15 } });
    expect(getSettings(ports.services).roundingMinutes).toBe(15);
  });

  it('refuses an invalid change whole, naming each bad key, and writes nothing', () => {
    const ports = memoryPorts();
    const before = ports.documentProperties.getProperties();
    expect(saveSettings(ports.services, { roundingMinutes: 7, invoicePattern: 'INV' })).toEqual({
      ok: false,
      refusal: { code: 'invalid-settings', message: expect.stringMatching(/roundingMinutes must be .*invoicePattern must contain a counter/) },
    });
    expect(ports.documentProperties.getProperties()).toEqual(before);
  });

  it('refuses someone who is not an authorizer', () => {
    const ports = memoryPorts({ user: 'ben@agency.test' });
    expect(saveSettings(ports.services, { roundingMinutes: 15 })).toMatchObject({ ok: false, refusal: { code: 'not-authorizer' } });
  });
});
