/**
 * `npm run trust`: the trust suite of test/trust at its large size, on the built bundle
 * (the script builds it first), writing the figures to docs/reliability.md. `npm test`
 * runs the same modules at the small size. Exits non-zero when any case failed.
 * `--small` runs the small size (quick, for trying the script).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, type CaseResult } from '../test/trust/cases';
import { faultCases } from '../test/trust/faults';
import { forgedCases } from '../test/trust/forged';
import { hostileCases } from '../test/trust/hostile-checks';
import { formulaCases, isolationCases } from '../test/trust/injection-corpus';
import { interleavingCases, lockHeldCases } from '../test/trust/interleavings';
import { permissionCases } from '../test/trust/permission-matrix';
import { renderReport } from '../test/trust/report';
import { sidebarCases } from '../test/trust/sidebar-checks';
import { LARGE, SMALL } from '../test/trust/size';
import { dependencyCases, npmAudit, scopeCases } from '../test/trust/supply-chain';
import { identityCases, tamperCases } from '../test/trust/tamper';

function timed<T>(label: string, run: () => T): T {
  const started = Date.now();
  const result = run();
  const count = Array.isArray(result) ? ` (${result.length} cases)` : '';
  console.log(`${label}${count}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(): Promise<void> {
  const size = process.argv.includes('--small') ? SMALL : LARGE;
  const started = Date.now();
  const notes: string[] = [];
  const results: CaseResult[] = [
    ...timed('faults', () => faultCases(size)),
    ...timed('interleavings', () => [...interleavingCases(size), ...lockHeldCases()]),
    ...timed('hostile workbooks', () => hostileCases(size)),
    ...timed('permissions', () => permissionCases()),
    ...timed('client-log injection', () => [...isolationCases(), ...formulaCases()]),
    ...timed('tamper evidence', () => [...identityCases(), ...tamperCases(size)]),
    ...timed('forged ledgers', () => forgedCases(size)),
    ...timed('scopes', () => scopeCases()),
  ];
  try {
    results.push(...(await sidebarCases()));
  } catch (error) {
    notes.push(`the sidebar cases did not run: ${describeError(error)}`);
  }
  const audit = npmAudit();
  results.push(...dependencyCases(audit));
  const report = renderReport({ size: size.name, startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, results, audit, notes });
  const docs = join(__dirname, '..', 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'reliability.md'), report);
  const failed = results.filter((r) => !r.held);
  console.log(`${results.length} cases, ${failed.length} failed. Wrote docs/reliability.md.`);
  for (const f of failed.slice(0, 20)) console.log(`  FAILED ${f.name}: ${f.detail.slice(0, 300)}`);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
