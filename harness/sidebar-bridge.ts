/**
 * The local bridge between a browser and the add-on on the emulator. It serves the
 * sidebar exactly as `showSidebar()` hands it to HtmlService (dist/Sidebar.html, read
 * afresh on every page load), with one script added: a stand-in for
 * `google.script.run` that POSTs each call to /run. The bridge runs the call on the
 * built server bundle as its own execution, with JSON arguments and results like the
 * real one, and answers with the value or the error's message. Used by
 * `npm run sidebar` and by the browser tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Addon } from './addon';

export interface BridgeCall {
  name: string;
  args: unknown[];
  user: string;
}

export interface SidebarBridge {
  /** The sidebar's address; add `?as=email` to use it as another user. */
  url: string;
  /** Every call the sidebar made, in order. */
  calls: BridgeCall[];
  close(): Promise<void>;
}

export interface BridgeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Delay before each call runs, like the round trip to Google (default 0). */
  latencyMs?: number;
}

/**
 * The browser half, injected before the sidebar's own script. A runner is immutable:
 * withSuccessHandler and withFailureHandler return a new one, as on Apps Script. The
 * page's `?as=` parameter picks the user the calls run as.
 */
const CLIENT_BRIDGE = `<script>
(function () {
  var user = new URLSearchParams(location.search).get('as') || '';
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, onFailure); };
        if (name === 'withFailureHandler') return function (fn) { return runner(onSuccess, fn); };
        if (name === 'withUserObject') return function () { return runner(onSuccess, onFailure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args, user: user }) })
            .then(function (response) { return response.json(); })
            .then(function (answer) {
              if (answer.ok) { if (onSuccess) onSuccess(answer.value); return; }
              var error = new Error(answer.error.message);
              error.name = answer.error.name;
              if (onFailure) onFailure(error);
            })
            .catch(function (error) { if (onFailure) onFailure(new Error('The local server did not answer (' + error.message + '). Is npm run sidebar still running?')); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

/** The sidebar as showSidebar() hands it to HtmlService, with the bridge script added. */
function sidebarPage(addon: Addon): string {
  const before = addon.emu.ui.sidebars.length;
  addon.call('showSidebar', []);
  const shown = addon.emu.ui.sidebars[before];
  if (!shown) throw new Error('showSidebar() did not show a sidebar.');
  return shown.html.replace(/<head>/i, (head) => `${head}\n${CLIENT_BRIDGE}`);
}

async function run(addon: Addon, request: IncomingMessage, latencyMs: number, calls: BridgeCall[]): Promise<unknown> {
  const { name, args, user } = JSON.parse(await readBody(request)) as BridgeCall;
  calls.push({ name, args, user });
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  return addon.call(String(name), Array.isArray(args) ? args : [], user || undefined);
}

/** Serves the sidebar for `addon` on localhost. */
export function startBridge(addon: Addon, opts: BridgeOptions = {}): Promise<SidebarBridge> {
  const calls: BridgeCall[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/') {
      try {
        send(response, 200, 'text/html', sidebarPage(addon));
      } catch (error) {
        send(response, 500, 'text/plain', `The sidebar could not be served: ${(error as Error).message}\nRun npm run build first.`);
      }
      return;
    }
    if (request.method === 'POST' && path === '/run') {
      run(addon, request, opts.latencyMs ?? 0, calls).then(
        (value) => send(response, 200, 'application/json', JSON.stringify({ ok: true, value })),
        (error: Error) => send(response, 200, 'application/json', JSON.stringify({ ok: false, error: { name: error.name, message: error.message } })),
      );
      return;
    }
    send(response, 404, 'text/plain', 'Not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        calls,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
