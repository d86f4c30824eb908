/**
 * §4 Scopes and dependencies: the manifest asks only for scopes the README justifies (no
 * full Drive), and the bundle carries no third-party code. `npm run trust` also runs
 * `npm audit --omit=dev`.
 */
import { failures } from '../../harness/trust/cases';
import { dependencyCases, manifestScopes, readmeScopes, scopeCases } from '../../harness/trust/supply-chain';

it('reads the scope table of a README', () => {
  const readme =
    '# X\n\n## OAuth scopes\n\n| Scope | Why |\n|---|---|\n| `drive.file` | files it made |\n| `https://www.googleapis.com/auth/spreadsheets` | its own files |\n\n## Next\n';
  expect([...readmeScopes(readme)]).toEqual([
    ['drive.file', 'files it made'],
    ['spreadsheets', 'its own files'],
  ]);
});

it('the manifest requests only scopes the README justifies, and no full Drive scope', () => {
  expect(manifestScopes()).not.toContain('drive');
  expect(failures(scopeCases())).toEqual([]);
});

it('the package has no runtime dependency and the bundle is built from src/ alone', () => {
  expect(failures(dependencyCases(null))).toEqual([]);
});
