/**
 * §4 Markup injection through every sidebar panel, in Debian's chromium (as the browser
 * tests run it): no string of the corpus runs or makes an element, each shows as text.
 */
import { failures } from './cases';
import { HTML_CORPUS } from './injection-corpus';
import { sidebarInjectionCases } from './sidebar-injection';

it('every markup string shows as text in every panel, as the authorizer and as an editor', async () => {
  const cases = await sidebarInjectionCases();
  expect(cases).toHaveLength(HTML_CORPUS.length);
  expect(failures(cases)).toEqual([]);
}, 120_000);
