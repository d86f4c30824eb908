/**
 * §1 at the small size: every mutating operation stopped before each of its writes, then
 * run again, ends where an uninterrupted run ends. The last test shows the check has
 * teeth: a top-up sent without a request ID is not safe to repeat, and it says so.
 */
import { failures } from '../../harness/trust/cases';
import { operationFaultCases, faultCases } from '../../harness/trust/faults';
import { OPERATIONS } from '../../harness/trust/operations';
import { SMALL } from '../../harness/trust/size';
import { BASE, trustWorkbook } from '../../harness/trust/trust-workbook';

describe('a run stopped before its k-th write, then run again, ends as an uninterrupted run', () => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', (_name, operation) => {
    const cases = faultCases(SMALL, [operation]);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures(cases)).toEqual([]);
  });
});

it('catches an operation that is not safe to repeat', () => {
  const unsafe = {
    name: 'addCredits without a request ID',
    prepare: trustWorkbook,
    run: (a: ReturnType<typeof trustWorkbook>) => a.server.addCredits('Acme', 1, 'Sent twice'),
  };
  const cases = operationFaultCases(unsafe, BASE);
  expect(failures(cases).some((f) => /log differs/.test(f))).toBe(true);
});
