/**
 * §3 at the small size: fast-check's hostile workbooks, every operation run on each. The
 * other tests show the checks have teeth: a write to a row the operation had no business
 * with, a JavaScript error, and a half-written batch are each caught.
 */
import type { Addon } from '../../harness/addon';
import { failures } from '../../harness/trust/cases';
import { checkOperation, HOSTILE_OPERATIONS, hostileCases } from '../../harness/trust/hostile-checks';
import { healthyWorkbook } from '../../harness/trust/hostile-workbooks';
import { SMALL } from '../../harness/trust/size';

it('every operation succeeds, returns reasons or throws a human error on each hostile workbook, and changes only what it is for', () => {
  const cases = hostileCases(SMALL);
  expect(cases).toHaveLength(SMALL.hostileWorkbooks);
  expect(failures(cases)).toEqual([]);
});

describe('the checks catch', () => {
  const authorize = HOSTILE_OPERATIONS.find((op) => op.name === 'authorizeEntries')!;

  it('a change to a row the operation was not about', () => {
    const careless = {
      ...authorize,
      call: (a: Addon) => {
        authorize.call(a);
        a.emu.spreadsheet.getSheetByName('Time entries')!.getRange('F3').setValue('rewritten');
      },
    };
    expect(checkOperation(healthyWorkbook(), careless).join('\n')).toMatch(/changed Time entries row 3 description/);
  });

  it('a JavaScript error reaching the user', () => {
    const crashing = { ...authorize, call: () => JSON.parse('{') as unknown };
    expect(checkOperation(healthyWorkbook(), crashing).join('\n')).toMatch(/programming error SyntaxError/);
  });

  it('a log row written without its balance', () => {
    const halfDone = {
      ...authorize,
      call: (a: Addon) => {
        authorize.call(a);
        a.emu.spreadsheet.getSheetByName('Credits')!.getRange('I2').setValue(1234);
      },
    };
    expect(checkOperation(healthyWorkbook(), halfDone).join('\n')).toMatch(/Acme's log grew but its Balance \(h\) says 1234/);
  });
});
