import { ScriptStopped } from '..';
import { setup } from './fixture';

describe('executions, locks and faults', () => {
  it('releases locks at the end of an execution and keeps them apart between nested executions', () => {
    const { emu, LockService } = setup();
    emu.execution(() => {
      const lock = LockService.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      const before = emu.clock.now();
      const inner = emu.execution(() => {
        const other = LockService.getDocumentLock();
        const got = other.tryLock(5000);
        expect(other.hasLock()).toBe(false);
        expect(() => other.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
        expect(LockService.getScriptLock().tryLock(10)).toBe(true);
        return got;
      });
      expect(inner).toBe(false);
      expect(emu.clock.now() - before).toBe(6000);
      // The inner execution's script lock died with it.
      expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    });
    emu.execution(() => {
      expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
      LockService.getDocumentLock().releaseLock();
      expect(LockService.getDocumentLock().hasLock()).toBe(false);
    });
  });

  it('user locks are per user', () => {
    const { emu, LockService } = setup();
    emu.execution(() => {
      expect(LockService.getUserLock().tryLock(0)).toBe(true);
      expect(emu.execution(() => LockService.getUserLock().tryLock(0), { user: 'bob@agency.test' })).toBe(true);
    });
  });

  it('stops after k writes, halts the execution, and a new execution starts clean', () => {
    const { emu, sheet } = setup();
    emu.faults.stopAfterWrites(2);
    let swallowed = 0;
    expect(() =>
      emu.execution(() => {
        for (let i = 1; i <= 5; i += 1) {
          try {
            sheet.getRange(i, 1).setValue(i);
          } catch {
            swallowed += 1;
          }
        }
        sheet.getRange('A1').getValue();
      }),
    ).toThrow(ScriptStopped);
    expect(swallowed).toBe(3);
    expect(emu.faults.writes).toBe(2);
    expect(emu.snapshot().Sheet1).toEqual([[1], [2]]);
    // Outside the halted execution, and in the next one, calls work again.
    expect(sheet.getRange('A1').getValue()).toBe(1);
    emu.execution(() => sheet.getRange('A3').setValue(3));
    expect(emu.snapshot().Sheet1).toEqual([[1], [2], [3]]);
  });

  it('a halt outside any execution lasts until the next execution starts', () => {
    const { emu, sheet } = setup();
    emu.faults.stopAfterWrites(0);
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('Exceeded maximum execution time');
    expect(() => sheet.getRange('A1').getValue()).toThrow(ScriptStopped);
    emu.execution(() => undefined);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('calls onWrite after each write, allowing another user to run in between', () => {
    const { emu, sheet, PropertiesService } = setup();
    const seen: string[] = [];
    const off = emu.faults.onWrite((info) => {
      seen.push(`${info.method}#${info.n}`);
      if (info.n === 1) emu.execution(() => PropertiesService.getUserProperties().setProperty('k', 'v'), { user: 'bob@agency.test' });
    });
    emu.execution(() => {
      sheet.getRange('A1').setValue(1);
      sheet.appendRow([2]);
    });
    off();
    expect(seen).toEqual(['Range.setValue#1', 'Properties.setProperty#2', 'Sheet.appendRow#3']);
    expect(emu.execution(() => PropertiesService.getUserProperties().getProperty('k'), { user: 'bob@agency.test' })).toBe('v');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
  });

  it('makes chosen methods fail a number of times', () => {
    const { emu, SpreadsheetApp } = setup();
    emu.faults.failOn('SpreadsheetApp.openById', 'Service unavailable', 1);
    expect(() => SpreadsheetApp.openById(emu.spreadsheet.getId())).toThrow('Service unavailable');
    expect(SpreadsheetApp.openById(emu.spreadsheet.getId()).getName()).toBe('Untitled spreadsheet');
  });

  it('counts calls per method and separates data calls from navigation', () => {
    const { emu, SpreadsheetApp } = setup();
    emu.calls.reset();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 2, 3).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getRange(1, 1, 2, 3).getValues();
    sheet.getLastRow();
    sheet.insertRowsAfter(1, 1);
    expect(emu.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(emu.calls.count('Sheet.getRange')).toBe(2);
    expect(emu.calls.count('Range.setValues')).toBe(1);
    expect(emu.calls.dataCalls()).toBe(3);
    expect(emu.calls.total()).toBe(8);
    expect(emu.calls.cellsRead).toBe(6);
    expect(emu.calls.cellsWritten).toBe(6);
    expect(emu.calls.snapshot()['Sheet.insertRowsAfter']).toBe(1);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });

  it('keeps properties per scope, per document and per user', () => {
    const { emu, PropertiesService } = setup();
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperties({ a: '1', b: 2 as unknown as string });
    expect(doc.getProperties()).toEqual({ a: '1', b: '2' });
    doc.setProperties({ c: '3' }, true);
    expect(doc.getKeys()).toEqual(['c']);
    doc.deleteProperty('c');
    expect(doc.getProperty('c')).toBeNull();
    PropertiesService.getScriptProperties().setProperty('s', 'x');
    emu.setUser('carol@agency.test');
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
    expect(PropertiesService.getScriptProperties().getProperty('s')).toBe('x');
    expect(() => PropertiesService.getUserProperties().setProperty('big', 'x'.repeat(10000))).toThrow('Argument too large: value');
  });

  it('follows the emulated clock in Date and Utilities.sleep', () => {
    const { emu, Utilities } = setup({ now: new Date('2026-02-01T08:00:00Z') });
    const EmuDate = emu.globals.Date as DateConstructor;
    expect(new EmuDate().toISOString()).toBe('2026-02-01T08:00:00.000Z');
    Utilities.sleep(1500);
    expect(EmuDate.now()).toBe(Date.parse('2026-02-01T08:00:01.500Z'));
    emu.clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(new EmuDate().getUTCFullYear()).toBe(2027);
    expect(new EmuDate(2020, 0, 1).getFullYear()).toBe(2020);
  });

  it('reports the current user through Session', () => {
    const { emu, Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('owner@agency.test');
    expect(emu.execution(() => Session.getEffectiveUser().getEmail(), { user: 'bob@agency.test' })).toBe('bob@agency.test');
    emu.setUser('');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getScriptTimeZone()).toBe('Europe/Brussels');
    expect(Session.getTemporaryActiveUserKey()).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });
});
