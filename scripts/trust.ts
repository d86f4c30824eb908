/**
 * `npm run trust`: the trust suite (harness/trust) at its large size, on the built bundle
 * (the script builds it first), writing the figures to docs/reliability.md. `npm test`
 * runs the same modules at the small size. Exits non-zero when any case failed.
 * `--small` runs the small size (quick, for trying the script).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, type CaseResult } from '../harness/trust/cases';
import { faultCases } from '../harness/trust/faults';
import { forgedCases } from '../harness/trust/forged';
import { hostileCases } from '../harness/trust/hostile-checks';
import { formulaCases, isolationCases } from '../harness/trust/injection-corpus';
import { interleavingCases, lockHeldCases } from '../harness/trust/interleavings';
import { permissionCases } from '../harness/trust/permission-matrix';
import { renderReport } from '../harness/trust/report';
import { sidebarCases } from '../harness/trust/sidebar-checks';
import { LARGE, SMALL } from '../harness/trust/size';
import { dependencyCases, npmAudit, scopeCases } from '../harness/trust/supply-chain';
import { identityCases, tamperCases } from '../harness/trust/tamper';

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
