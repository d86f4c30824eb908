/**
 * §5 Tamper evidence at the small size, and §3's identity damage: checkLedger names the
 * first row edited, inserted or removed by hand, and identity damage is reported and
 * never deducted twice.
 */
import { failures } from '../../harness/trust/cases';
import { SMALL } from '../../harness/trust/size';
import { identityCases, tamperCases } from '../../harness/trust/tamper';

it('checkLedger names the first edited, inserted or removed log row of any history', () => {
  const cases = tamperCases(SMALL);
  expect(cases).toHaveLength(SMALL.tamperedLedgers);
  expect(failures(cases)).toEqual([]);
});

it('identity damage is reported, refused, and never deducted twice', () => {
  expect(failures(identityCases())).toEqual([]);
});
