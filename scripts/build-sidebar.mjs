/**
 * Builds dist/Sidebar.html, the one file HtmlService.createHtmlOutputFromFile('Sidebar')
 * serves: esbuild bundles sidebar/main.ts (with the pure core modules it imports) into
 * an IIFE, and the bundle and sidebar.css are inlined into sidebar.html, so the sidebar
 * loads nothing from the network. Called by scripts/build.mjs.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CSS_MARK = '<!-- INLINE CSS -->';
const JS_MARK = '<!-- INLINE JS -->';

/** Inlined text must not end its <script> or <style> element early. */
function inlineSafe(text, tag) {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** Replaces one marker, failing loudly when the template lost it. */
function inline(html, mark, text) {
  const at = html.indexOf(mark);
  if (at < 0 || html.indexOf(mark, at + 1) >= 0) throw new Error(`sidebar/sidebar.html must contain ${mark} exactly once.`);
  return html.slice(0, at) + text + html.slice(at + mark.length);
}

export async function buildSidebar(root, dist) {
  const dir = join(root, 'sidebar');
  const result = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  const css = await build({ entryPoints: [join(dir, 'sidebar.css')], bundle: true, minify: true, write: false, charset: 'utf8' });
  const template = readFileSync(join(dir, 'sidebar.html'), 'utf8').replace(/<!--(?! INLINE )[\s\S]*?-->\s*/g, '');
  let html = inline(template, CSS_MARK, inlineSafe(css.outputFiles[0].text.trim(), 'style'));
  html = inline(html, JS_MARK, inlineSafe(result.outputFiles[0].text.trim(), 'script'));
  writeFileSync(join(dist, 'Sidebar.html'), html);
  console.log(`Built dist/Sidebar.html (${(html.length / 1024).toFixed(0)} KiB).`);
}
