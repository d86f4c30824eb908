/**
 * Which Chromium the browser tests drive. Debian's /usr/bin/chromium when it is there;
 * otherwise the one that `npm install` brings: @sparticuz/chromium ships a headless
 * Chromium (and the few libraries and fonts it needs) inside its npm package, which is
 * unpacked once under node_modules/.cache. PREPAID_TIME_CHROMIUM picks one: `npm` for the
 * packaged one, or a path. When none is found the tests fail and say how to get one:
 * browser tests are never skipped.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

/** A browser to launch: its executable and what its process needs in its environment. */
export interface ChromiumBinary {
  executablePath: string;
  env: Record<string, string>;
  source: 'system' | 'npm' | 'PREPAID_TIME_CHROMIUM';
}

export interface FindOptions {
  /** The choice, as PREPAID_TIME_CHROMIUM gives it: '' (automatic), 'npm' or a path. */
  choice?: string;
  systemPath?: string;
  /** The packaged browser's directory (its package.json's folder), or null when it is not installed. */
  packageDir?: string | null;
}

function installedPackageDir(): string | null {
  try {
    return join(dirname(require.resolve(PACKAGE)), '..', '..'); // its main is build/cjs/index.cjs
  } catch {
    return null;
  }
}

const HOW_TO_GET_ONE = `Run \`npm install\` (it installs ${PACKAGE}, a Chromium for Linux x64), or install Debian's chromium (\`apt-get install chromium\`), or set PREPAID_TIME_CHROMIUM to a Chromium executable.`;

/** Finds the browser for the tests, unpacking the packaged one on first use; throws, saying how to get one, when there is none. */
export async function findChromium(opts: FindOptions = {}): Promise<ChromiumBinary> {
  const choice = (opts.choice ?? process.env.PREPAID_TIME_CHROMIUM ?? '').trim();
  const systemPath = opts.systemPath ?? SYSTEM_CHROMIUM;
  const packageDir = opts.packageDir === undefined ? installedPackageDir() : opts.packageDir;
  if (choice && choice !== 'npm') {
    if (!existsSync(choice)) throw new Error(`PREPAID_TIME_CHROMIUM is ${choice}, which does not exist. ${HOW_TO_GET_ONE}`);
    return { executablePath: choice, env: {}, source: 'PREPAID_TIME_CHROMIUM' };
  }
  if (!choice && existsSync(systemPath)) return { executablePath: systemPath, env: {}, source: 'system' };
  if (!packageDir) {
    const missing =
      choice === 'npm' ? `PREPAID_TIME_CHROMIUM=npm, but ${PACKAGE} is not installed` : `${systemPath} is missing and ${PACKAGE} is not installed`;
    throw new Error(`No Chromium for the browser tests: ${missing}. ${HOW_TO_GET_ONE}`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chromium for the browser tests: ${PACKAGE} runs on Linux x64 only, and this is ${process.platform} ${process.arch}. ${HOW_TO_GET_ONE}`);
  }
  const dir = await unpacked(packageDir);
  return {
    executablePath: join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_PATH: join(dir, 'fonts') },
    source: 'npm',
  };
}

/**
 * The packaged browser unpacked under node_modules/.cache/prepaid-time-chromium/{version}:
 * the executable, its fonts and the libraries a bare machine lacks (NSS). Unpacked into a
 * fresh folder that is then renamed, so parallel test workers never see half a browser.
 */
async function unpacked(packageDir: string): Promise<string> {
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version as string;
  const dir = join(packageDir, '..', '..', '.cache', 'prepaid-time-chromium', version);
  if (existsSync(join(dir, 'chromium'))) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const bin = join(packageDir, 'bin');
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(partial, 'chromium'), { mode: 0o755 }));
    mkdirSync(join(partial, 'fonts'));
    untarBrotli(join(bin, 'fonts.tar.br'), join(partial, 'fonts'));
    // The package's fonts.conf points at /tmp/fonts (AWS Lambda); ours points at this folder.
    writeFileSync(
      join(partial, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(dir, 'fonts', 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    untarBrotli(join(bin, 'al2023.tar.br'), partial); // lib/: NSS, which a bare machine lacks
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
  return dir;
}

/** Unpacks a small .tar.br into `into` with the system's tar, from a file (tar may stop reading a pipe before its end). */
function untarBrotli(file: string, into: string): void {
  const tar = `${into}.tar`;
  writeFileSync(tar, brotliDecompressSync(readFileSync(file)));
  try {
    execFileSync('tar', ['-x', '-f', tar, '-C', into], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    rmSync(tar, { force: true });
  }
}
