/**
 * §2 at the small size: two users and the trigger at every write boundary, and every
 * server function while someone else holds the lock. The last test shows the check has
 * teeth: a second party that writes without the lock is caught.
 */
import { failures } from '../../harness/trust/cases';
import { interleavingCases, interleavings, lockHeldCases } from '../../harness/trust/interleavings';
import { SMALL } from '../../harness/trust/size';
import { BASE, OWNER, trustWorkbook } from '../../harness/trust/trust-workbook';

describe('interleavings', () => {
  it.each(interleavings(SMALL).map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const cases = interleavingCases(SMALL, [scenario]);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures(cases)).toEqual([]);
  });

  it('every server function answers "busy, try again" and writes nothing while the lock is held elsewhere', () => {
    expect(failures(lockHeldCases())).toEqual([]);
  });
});

it('catches a second party that writes without the lock', () => {
  const scenario = {
    name: 'a script that edits a description without the lock',
    prepare: () => trustWorkbook(BASE),
    first: { name: `${OWNER} authorizes E-1`, act: (a: ReturnType<typeof trustWorkbook>) => a.server.authorizeEntries(['E-1']) },
    others: [
      {
        name: 'a careless script',
        act: (a: ReturnType<typeof trustWorkbook>) =>
          a.emu.execution(() => a.emu.spreadsheet.getSheetByName('Time entries')!.getRange('F3').setValue('Edited by a script')),
      },
    ],
  };
  const cases = interleavingCases(SMALL, [scenario]);
  expect(failures(cases).length).toBe(cases.length);
  expect(failures(cases)[0]).toMatch(/went through while/);
});
