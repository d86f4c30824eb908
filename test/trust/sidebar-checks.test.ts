/**
 * The sidebar in Chromium (as the browser tests run it). §4: no string of the
 * markup corpus runs or makes an element in any panel, and each shows as text. §5: the
 * Settings panel's ledger check names a log row edited by hand.
 */
import { failures } from '../../harness/trust/cases';
import { HTML_CORPUS } from '../../harness/trust/injection-corpus';
import { sidebarCases } from '../../harness/trust/sidebar-checks';

it('shows every markup string as text in every panel, and checkLedger naming a hand-edited log row', async () => {
  const cases = await sidebarCases();
  expect(cases).toHaveLength(HTML_CORPUS.length + 1);
  expect(failures(cases)).toEqual([]);
}, 120_000);
