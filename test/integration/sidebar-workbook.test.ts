/**
 * The workbook `npm run sidebar` serves reads like a real one: no entry is authorized
 * before the day its work was done, and its open weeks still hold work to authorize.
 */
import { startAddon } from '../../harness/addon';
import { AUTHORIZER } from '../../harness/demo-workbook';
import { seedSidebarWorkbook } from '../../harness/sidebar-workbook';
import { rows } from '../../harness/workbook';

describe('the sidebar sample workbook', () => {
  it('authorizes each entry on or after its date, and leaves recent weeks open', () => {
    const addon = startAddon({ user: AUTHORIZER, seed: 2026, timeZone: 'Europe/Brussels' });
    seedSidebarWorkbook(addon);
    // Swedish dates are written yyyy-mm-dd.
    const day = (d: unknown) => (d as Date).toLocaleDateString('sv', { timeZone: 'Europe/Brussels' });
    const entries = rows(addon, 'Time entries');
    const authorized = entries.filter((e) => e.Status === 'Authorized');
    expect(authorized.length).toBeGreaterThan(50);
    const early = authorized.filter((e) => day(e['Authorized at']) < day(e.Date)).map((e) => `${e['Entry ID']} ${day(e.Date)} at ${day(e['Authorized at'])}`);
    expect(early).toEqual([]);
    expect(new Set(authorized.map((e) => day(e['Authorized at']))).size).toBeGreaterThan(3);
    const today = day(new Date(addon.emu.clock.now()));
    expect(entries.filter((e) => day(e.Date) > today)).toEqual([]);
    expect(entries.filter((e) => e.Status !== 'Authorized').length).toBeGreaterThan(20);
  });
});
