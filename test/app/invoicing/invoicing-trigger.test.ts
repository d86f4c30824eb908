/**
 * The hourly invoicing trigger through the Triggers port: one trigger however often it is
 * installed, a record of who installed it, and authorizers only.
 */
import { getInvoicingStatus, installInvoicingTrigger, INVOICING_HANDLER, removeInvoicingTrigger } from '../../../src/app/invoicing';
import { AUTHORIZER, memoryPorts } from '../../../harness/ports';

describe('the invoicing trigger', () => {
  it('installs one hourly trigger and records who turned it on', () => {
    const ports = memoryPorts();
    installInvoicingTrigger(ports.services);
    const status = installInvoicingTrigger(ports.services);
    expect(ports.triggers).toEqual([INVOICING_HANDLER]);
    expect(status).toMatchObject({ ok: true, value: { yours: true, installedBy: AUTHORIZER, installedAt: '2026-01-05T09:00:00.000Z' } });
  });

  it('removes it again, and the status says it is off', () => {
    const ports = memoryPorts();
    installInvoicingTrigger(ports.services);
    removeInvoicingTrigger(ports.services);
    expect(ports.triggers).toEqual([]);
    expect(getInvoicingStatus(ports.services)).toMatchObject({ yours: false, installedBy: '', summary: expect.stringMatching(/off/) });
  });

  it('refuses someone who is not an authorizer, installing nothing', () => {
    const ports = memoryPorts({ user: 'ben@agency.test' });
    expect(installInvoicingTrigger(ports.services)).toMatchObject({ ok: false, refusal: { code: 'not-authorizer' } });
    expect(ports.triggers).toEqual([]);
  });
});
