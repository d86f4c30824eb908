import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { createEmulator, loadBundle } from '..';

function bundleDir(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-bundle-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'Other.js'), 'throw new Error("only Code.js may be loaded");');
  return dir;
}

describe('loadBundle', () => {
  it('runs top-level functions of Code.js against the emulator', () => {
    const emu = createEmulator({ now: new Date('2031-06-01T12:00:00Z'), spreadsheetName: 'Acme' });
    const ctx = loadBundle(emu, bundleDir('function hello(){ return SpreadsheetApp.getActive().getName() + new Date().getFullYear(); }'));
    expect(ctx.hello()).toBe('Acme2031');
    expect(emu.calls.count('SpreadsheetApp.getActive')).toBe(1);
  });

  it('makes the vm realm use the emulated Date and sees Dates from getValues as Dates', () => {
    const emu = createEmulator({ now: Date.UTC(2030, 0, 2) });
    const ctx = loadBundle(
      emu,
      bundleDir(`
        function probe() {
          var sheet = SpreadsheetApp.getActiveSheet();
          sheet.getRange('A1').setValue('2026-01-05');
          var v = sheet.getRange('A1').getValue();
          return {
            now: Date.now(),
            year: new Date().getUTCFullYear(),
            isDate: v instanceof Date,
            tag: Object.prototype.toString.call(v),
            nativeLiteral: Object.prototype.toString.call(new Date(0)),
          };
        }
        function write(rows) { SpreadsheetApp.getActiveSheet().getRange(1, 1, rows.length, rows[0].length).setValues(rows); }
      `),
    );
    expect(ctx.probe()).toEqual({ now: Date.UTC(2030, 0, 2), year: 2030, isDate: true, tag: '[object Date]', nativeLiteral: '[object Date]' });
    emu.clock.advance(86400000);
    expect((ctx.probe() as { now: number }).now).toBe(Date.UTC(2030, 0, 3));
    // Arrays built inside the vm realm are accepted.
    runInContext('write([[1, "2"], [new Date(0), true]])', ctx as object);
    expect(emu.spreadsheet.getActiveSheet().getRange('A1:B2').getValues()).toEqual([
      [1, 2],
      [new Date(0), true],
    ]);
  });

  it('fails clearly when the bundle is missing', () => {
    expect(() => loadBundle(createEmulator(), mkdtempSync(join(tmpdir(), 'emu-empty-')))).toThrow(/No bundle/);
  });
});
