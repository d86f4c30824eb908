/**
 * The built dist/Code.js as Apps Script sees it: one top-level function declaration per
 * entry point, nothing Node-specific, and it loads in a bare V8 context.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, Script } from 'node:vm';
import * as server from '../../src/index';

const root = join(__dirname, '..', '..');
const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');

describe('dist/Code.js', () => {
  it('declares every export of src/index.ts as a top-level function', () => {
    const context = createContext({});
    runInContext(code, context);
    const names = Object.keys(server).sort();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
      expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('uses no require, import, process or Node built-ins', () => {
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bprocess\./);
    expect(code).not.toMatch(/node:/);
    expect(() => new Script(code)).not.toThrow();
  });

  it('ships a V8 manifest with explicit scopes', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(Array.isArray(manifest.oauthScopes)).toBe(true);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});
