/**
 * The forged-ledger family at the small size: hand edits of the Prepaid log are never
 * built on, and Restore or Accept resumes the ledger actions.
 */
import { failures } from '../../harness/trust/cases';
import { forgedCases } from '../../harness/trust/forged';
import { SMALL } from '../../harness/trust/size';

it('every ledger action refuses a forged log and writes nothing; Restore and Accept resume them', () => {
  const cases = forgedCases(SMALL);
  expect(cases).toHaveLength(SMALL.forgedLedgers);
  expect(failures(cases)).toEqual([]);
});
