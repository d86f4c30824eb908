/**
 * HtmlService: HTML outputs from strings or from `<htmlDir>/<name>.html` files (the built sidebar),
 * with title and size, as shown by Ui.showSidebar / showModalDialog.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob } from './blob';
import { escapeHtml } from './document-model';
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export class HtmlOutput extends GasObject {
  private title = '';
  private width = 0;
  private height = 0;

  constructor(
    rt: Runtime,
    private content: string,
  ) {
    super(rt, 'HtmlOutput');
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(html: string): HtmlOutput {
    this.content += String(html);
    return this;
  }

  appendUntrusted(text: string): HtmlOutput {
    this.content += escapeHtml(String(text));
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }

  setSandboxMode(): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }

  setFaviconUrl(): HtmlOutput {
    return this;
  }

  addMetaTag(): HtmlOutput {
    return this;
  }

  getBlob(): Blob {
    return new Blob(this.rt, new Uint8Array(Buffer.from(this.content)), 'text/html', this.title ? `${this.title}.html` : null);
  }

  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
}

export class HtmlService extends GasObject {
  readonly SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE']);
  readonly XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT']);

  constructor(
    rt: Runtime,
    private readonly htmlDir: string,
  ) {
    super(rt, 'HtmlService');
  }

  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(this.rt, String(html));
  }

  /** Reads `<htmlDir>/<filename>.html`. */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename);
    const path = join(this.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!existsSync(path)) throw new Error(`No HTML file named ${name} was found.`);
    return new HtmlOutput(this.rt, readFileSync(path, 'utf8'));
  }
}
