/**
 * §4 Scopes and dependencies. The manifest (appsscript.json) may request only scopes the
 * README's "OAuth scopes" table justifies, and never the full Drive scope where
 * `drive.file` serves; the README may not justify scopes the manifest no longer asks for.
 * The bundle must hold no third-party code (esbuild's metafile lists its inputs), the
 * package has no runtime dependency, and `npm audit --omit=dev` must find nothing high or
 * critical; when the registry cannot be reached, that is reported, not failed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { verdict, type CaseResult } from './cases';

const ROOT = join(__dirname, '..', '..');

/** A scope's short name: `https://www.googleapis.com/auth/drive.file` -> `drive.file`. */
function shortScope(scope: string): string {
  return scope
    .trim()
    .replace(/^`|`$/g, '')
    .replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

/** The scopes the README's "OAuth scopes" table justifies, with their reasons. */
export function readmeScopes(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): Map<string, string> {
  const section = /^## OAuth scopes\s*$([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const scopes = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    scopes.set(shortScope(cells[1]), cells[2]);
  }
  return scopes;
}

export function manifestScopes(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
  return (manifest.oauthScopes ?? []).map(shortScope);
}

/** One case per scope the manifest requests or the README lists. */
export function scopeCases(): CaseResult[] {
  const requested = manifestScopes();
  const justified = readmeScopes();
  const cases = requested.map((scope) => {
    const broken: string[] = [];
    if (!justified.get(scope)) broken.push('the README does not say why it is needed');
    if (scope === 'drive' || scope === 'drive.readonly') broken.push('full Drive access, where drive.file serves the files the add-on creates');
    return verdict('scope', 'manifest', `the manifest requests ${scope}`, broken);
  });
  const stale = [...justified.keys()].filter((scope) => !requested.includes(scope));
  return [
    ...cases,
    ...stale.map((scope) => verdict('scope', 'README', `the README justifies ${scope}`, ['the manifest does not request it: the README is out of date'])),
  ];
}

/** The files esbuild puts into dist/Code.js, relative to the project. */
function bundleInputs(): string[] {
  const result = buildSync({
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).map((p) => relative(ROOT, join(process.cwd(), p)));
}

export interface AuditOutcome {
  /** False when npm could not reach the registry (reported, not failed). */
  reached: boolean;
  high: number;
  critical: number;
  detail: string;
}

/** Runs `npm audit --omit=dev --json` with a time limit. */
export function npmAudit(timeoutMs = 60_000): AuditOutcome {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  try {
    const report = JSON.parse(run.stdout) as { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string } };
    const counts = report.metadata?.vulnerabilities;
    if (!counts) return { reached: false, high: 0, critical: 0, detail: report.error?.summary ?? 'npm audit gave no report' };
    return {
      reached: true,
      high: counts.high ?? 0,
      critical: counts.critical ?? 0,
      detail: `${counts.total ?? 0} findings in all (${counts.high ?? 0} high, ${counts.critical ?? 0} critical)`,
    };
  } catch {
    return { reached: false, high: 0, critical: 0, detail: (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0] || 'npm audit did not answer' };
  }
}

/** The package's runtime dependencies, the bundle's inputs, and (when asked) npm audit. */
export function dependencyCases(audit: AuditOutcome | null): CaseResult[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const runtime = Object.keys(pkg.dependencies ?? {});
  const foreign = bundleInputs().filter((p) => !p.startsWith('src/'));
  const cases = [
    verdict(
      'dependency',
      'package',
      'package.json declares no runtime dependency',
      runtime.map((d) => `${d} is a runtime dependency`),
    ),
    verdict(
      'dependency',
      'bundle',
      'dist/Code.js is built from src/ alone',
      foreign.map((p) => `the bundle includes ${p}`),
    ),
  ];
  if (audit?.reached)
    cases.push(verdict('dependency', 'npm audit', 'npm audit --omit=dev finds nothing high or critical', audit.high + audit.critical ? [audit.detail] : []));
  return cases;
}
