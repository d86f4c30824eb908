/**
 * §4 The permission matrix: every server function called by an authorizer, an editor who
 * is not one, an empty email and a client viewer, enforced on the server. The catalogue
 * must classify every entry point of the built bundle. The last test shows the matrix has
 * teeth: a function that anyone may call, catalogued as authorizers-only, is caught.
 */
import { failures } from '../../harness/trust/cases';
import { matrixCase, permissionCases, ROLES } from '../../harness/trust/permission-matrix';
import { catalogueGaps, SERVER_FUNCTIONS } from '../../harness/trust/server-functions';

it('classifies every entry point of dist/Code.js', () => {
  expect(catalogueGaps()).toEqual({ unclassified: [], missing: [] });
});

it('refuses every authorizer-only function to everyone else, changing nothing, and lets everyone read', () => {
  const cases = permissionCases();
  expect(cases).toHaveLength(SERVER_FUNCTIONS.length * ROLES.length);
  expect(failures(cases)).toEqual([]);
});

it('catches a function that lets anyone do what only authorizers may', () => {
  const getSettings = SERVER_FUNCTIONS.find((f) => f.name === 'getSettings')!;
  const editor = ROLES.find((r) => !r.authorizer && r.user)!;
  expect(matrixCase({ ...getSettings, access: 'authorizer' }, editor).join('\n')).toMatch(/was not refused/);
});
