/**
 * §4 Injection through the client's prepaid log: each client sees only its own rows, and
 * formula-like text stays text in the file and is guarded in the CSV.
 */
import { failures } from '../../harness/trust/cases';
import { CLIENT_NAMES, FORMULA_CORPUS, formulaCases, isolationCases } from '../../harness/trust/injection-corpus';

it('each client file holds its own rows only, for names that are prefixes, case or space variants of each other, or hold quotes', () => {
  const cases = isolationCases();
  expect(cases).toHaveLength(CLIENT_NAMES.length);
  expect(failures(cases)).toEqual([]);
});

it('formula-like user text never becomes a formula in the client file or its CSV', () => {
  const cases = formulaCases();
  expect(cases).toHaveLength(FORMULA_CORPUS.length);
  expect(failures(cases)).toEqual([]);
});
