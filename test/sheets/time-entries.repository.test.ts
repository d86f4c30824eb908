/**
 * The Time entries sheet on the emulator: one getValues to read, missing Entry IDs given
 * in one block (never to a row that says Authorized), statuses made to agree with the log
 * in as few blocks as the layout allows, and rows found by Entry ID after deletes.
 */
import { readRows } from '../../emulator/sheet-rows';
import { STATUS_AUTHORIZED, TimeEntriesRepository } from '../../src/sheets/time-entries.repository';
import { AUTHORIZER, idSequence, ledgerOf, NOW, row } from '../../harness/builders';
import { dataCallsOf, setUpApps, thrownBy } from '../../harness/emulated';
import { type EntrySpec, pasteEntries } from '../../harness/workbook';

function entriesWith(entries: EntrySpec[]) {
  const apps = setUpApps();
  pasteEntries(apps.spreadsheet, entries);
  return { ...apps, sheet: () => readRows(apps.spreadsheet, 'Time entries') };
}

describe('TimeEntriesRepository.read', () => {
  it('reads every non-blank row with one getValues and writes nothing when not asked to give IDs', () => {
    const { emu, spreadsheet } = entriesWith([
      { 'Entry ID': 'E-1', Client: ' Acme ', Hours: '1:30', Select: true },
      { Client: 'Globex', Hours: 'lots', Date: '' },
    ]);
    const { value: repo, calls } = dataCallsOf(emu, () => TimeEntriesRepository.read(spreadsheet));
    expect(calls).toEqual({ 'Range.getValues': 1 });
    expect(repo.entries.map((e) => [e.row, e.entryId, e.client, e.date, e.selected, e.status])).toEqual([
      [2, 'E-1', 'Acme', Date.UTC(2026, 0, 5), true, ''],
      [3, '', 'Globex', null, false, ''],
    ]);
    // Hours are handed on as read: the core parses them (a typed 1:30 is a duration, text stays text).
    expect(repo.entries[0].hours).toBeInstanceOf(Date);
    expect(repo.entries[1].hours).toBe('lots');
  });

  it('gives rows without an Entry ID one, in one setValues, but never a row that says Authorized', () => {
    const { emu, spreadsheet, sheet } = entriesWith([
      { Client: 'Acme', Hours: 1 },
      { 'Entry ID': 'E-7', Client: 'Acme', Hours: 1 },
      { Client: 'Acme', Hours: 2 },
      { Client: 'Acme', Hours: 3 },
    ]);
    spreadsheet.getSheetByName('Time entries')!.getRange('H5').setValue(STATUS_AUTHORIZED);
    const ids = idSequence('007');
    const { value: repo, calls } = dataCallsOf(emu, () => TimeEntriesRepository.read(spreadsheet, ids));
    expect(calls).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1 });
    expect(repo.entries.map((e) => e.entryId)).toEqual(['007-1', 'E-7', '007-2', '']);
    expect(sheet().map((r) => r['Entry ID'])).toEqual(['007-1', 'E-7', '007-2', '']);
  });

  it('refuses a sheet whose Hours column was deleted', () => {
    const { spreadsheet } = entriesWith([{ Client: 'Acme', Hours: 1 }]);
    spreadsheet.getSheetByName('Time entries')!.deleteColumn(7);
    expect(thrownBy(() => TimeEntriesRepository.read(spreadsheet))).toEqual({ code: 'schema', message: expect.stringContaining('no "Hours" column') });
  });
});

describe('TimeEntriesRepository writes', () => {
  it('makes statuses agree with the log, unticks and gives reasons in two blocks, and writes nothing the second time', () => {
    const { emu, spreadsheet, sheet } = entriesWith([
      { 'Entry ID': 'E-1', Client: 'Acme', Hours: 1, Select: true },
      { 'Entry ID': 'E-2', Client: 'Acme', Hours: 2, Select: true },
      { 'Entry ID': 'E-3', Client: 'Acme', Hours: 3 },
    ]);
    spreadsheet
      .getSheetByName('Time entries')!
      .getRange('H4:J4')
      .setValues([[STATUS_AUTHORIZED, 'someone', '2026-01-01']]);
    const repo = TimeEntriesRepository.read(spreadsheet);
    const ledger = ledgerOf(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -60, { entryId: 'E-1', at: NOW }));
    const { value: written, calls } = dataCallsOf(emu, () => repo.syncWithLedger(ledger, new Set(['E-1']), new Map([[3, 'Not enough hours']])));
    expect(calls).toEqual({ 'Range.setValues': 2 });
    expect(written).toBeGreaterThan(0);
    const at = (value: unknown) => (value instanceof Object && 'getTime' in value ? (value as Date).getTime() : value);
    // E-3 said Authorized with no deduction behind it; E-2's blank Status already means Open.
    expect(sheet().map((r) => [r['Entry ID'], r.Select, r.Status, r['Authorized by'], at(r['Authorized at']), r.Reason])).toEqual([
      ['E-1', false, 'Authorized', AUTHORIZER, NOW, ''],
      ['E-2', true, '', '', '', 'Not enough hours'],
      ['E-3', '', 'Open', '', '', ''],
    ]);
    expect(dataCallsOf(emu, () => repo.syncWithLedger(ledger, new Set(['E-1']), new Map([[3, 'Not enough hours']]))).value).toBe(0);
  });

  it('finds rows by Entry ID after deleting others, one deleteRows per run', () => {
    const { emu, spreadsheet, sheet } = entriesWith(['E-1', 'E-2', 'E-3', 'E-4', 'E-5'].map((id) => ({ 'Entry ID': id, Client: 'Acme', Hours: 1 })));
    const repo = TimeEntriesRepository.read(spreadsheet);
    const [e1, e2, e3, e4, e5] = repo.entries;
    expect(dataCallsOf(emu, () => repo.delete([e4, e2, e3])).calls).toEqual({ 'Sheet.deleteRows': 1 });
    expect(repo.entries.map((e) => [e.entryId, e.row])).toEqual([
      ['E-1', 2],
      ['E-5', 3],
    ]);
    repo.syncWithLedger(ledgerOf(row('Deduction', 'Acme', -60, { entryId: 'E-5' })));
    expect(sheet().map((r) => [r['Entry ID'], r.Status])).toEqual([
      ['E-1', ''],
      ['E-5', 'Authorized'],
    ]);
    expect([e1.row, e5.row]).toEqual([2, 3]);
  });

  it('appends entries in one block, their text kept as text', () => {
    const { emu, spreadsheet, sheet } = entriesWith([{ 'Entry ID': 'E-1', Client: 'Acme', Hours: 1 }]);
    const repo = TimeEntriesRepository.read(spreadsheet);
    const entry = {
      entryId: 'E-2',
      date: Date.UTC(2026, 0, 6),
      client: 'Acme',
      person: 'Ann',
      description: '=1+1',
      hours: 1.25,
      status: '',
      authorizedBy: '',
      authorizedAt: null,
      selected: false,
    };
    expect(dataCallsOf(emu, () => repo.append([entry])).calls).toEqual({ 'Range.setValues': 1 });
    expect(sheet()[1]).toMatchObject({
      'Entry ID': 'E-2',
      Date: new Date(Date.UTC(2026, 0, 6)),
      Description: '=1+1',
      Hours: 1.25,
      Status: 'Open',
      Select: false,
    });
  });
});
