/**
 * authorizeEntries, authorizeTicked and authorizeSelection as use cases, on in-memory
 * ports (no bundle): who may authorize, and that a refused call writes nothing.
 */
import { readRows } from '../../../emulator/sheet-rows';
import { authorizeEntries, authorizeTicked } from '../../../src/app/ledger';
import { memoryPorts } from '../../../harness/ports';
import { pasteClients, pasteEntries } from '../../../harness/workbook';

function workbook() {
  const ports = memoryPorts();
  pasteClients(ports.emu.spreadsheet, [{ Client: 'Acme', 'Minimum balance (h)': 2 }]);
  pasteEntries(ports.emu.spreadsheet, [
    { 'Entry ID': 'E-1', Client: 'Acme', Hours: '1:30', Select: true },
    { Client: 'Acme', Hours: 2, Select: true },
  ]);
  return ports;
}

describe('authorizing as a use case', () => {
  it('deducts the ticked entries for an authorizer and gives the row without an ID one', () => {
    const ports = workbook();
    const result = authorizeTicked(ports.services);
    expect(result.done.map((d) => d.minutes)).toEqual([90, 120]);
    const entries = readRows(ports.emu.spreadsheet, 'Time entries');
    expect(entries.map((e) => e.Status)).toEqual(['Authorized', 'Authorized']);
    expect(String(entries[1]['Entry ID'])).toMatch(/^E-/);
  });

  it("checks permission before anything is written: a refused user's call assigns no Entry ID", () => {
    const ports = workbook();
    ports.signIn('ben@agency.test');
    const before = ports.emu.snapshot();
    const result = authorizeTicked(ports.services);
    expect(result.done).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ entryId: 'E-1', code: 'not-allowed', message: expect.stringMatching(/Only authorizers/) })]);
    expect(ports.emu.snapshot()).toEqual(before);
  });

  it('refuses by code, entry by entry', () => {
    const ports = workbook();
    const result = authorizeEntries(ports.services, ['E-1', 'E-404']);
    expect(result.skipped.map((s) => s.code)).toEqual(['not-found']);
    expect(result.done.map((d) => d.entryId)).toEqual(['E-1']);
  });
});
