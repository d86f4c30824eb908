/**
 * The project's own tooling, as a new user meets it: `npm install` runs only install
 * scripts the project reviewed (so it prints no allowScripts warning), and `npm run lint`
 * fails on a Biome warning instead of printing it and passing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; allowScripts?: Record<string, boolean> };

describe('npm install', () => {
  it('leaves no install script unreviewed, and runs esbuild’s', () => {
    const listed = execFileSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.trim()).toBe('No packages with unreviewed install scripts.');
    expect(pkg.allowScripts?.esbuild).toBe(true);
  });
});

describe('npm run lint', () => {
  it('fails on a Biome warning', () => {
    const [tool, ...args] = pkg.scripts.lint.split(' ');
    expect(tool).toBe('biome');
    // A copy of the project's Biome settings (without git) and one file with one warning (noBannedTypes).
    const dir = mkdtempSync(join(tmpdir(), 'prepaid-time-lint-'));
    const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
    delete config.vcs;
    writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
    mkdirSync(join(dir, 'test'));
    writeFileSync(join(dir, 'test', 'probe.ts'), 'export function call(f: Function): unknown {\n  return f;\n}\n');
    const biome = join(ROOT, 'node_modules', '.bin', 'biome');
    const plain = spawnSync(biome, ['check', 'test/probe.ts'], { cwd: dir, encoding: 'utf8' });
    expect(plain.stdout + plain.stderr).toMatch(/noBannedTypes/);
    expect(plain.status).toBe(0);
    const asLinted = spawnSync(biome, [...args, 'test/probe.ts'], { cwd: dir, encoding: 'utf8' });
    expect(asLinted.status).not.toBe(0);
  });
});
