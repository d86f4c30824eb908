/**
 * Logger and console: output is collected in emu.logs instead of being printed, so test runs stay quiet.
 */
import { format } from 'node:util';
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

export class Logger extends GasObject {
  private readonly lines: string[] = [];

  constructor(rt: Runtime) {
    super(rt, 'Logger');
  }

  log(data: unknown, ...values: unknown[]): Logger {
    const line = typeof data === 'string' ? format(data, ...values) : format(data);
    this.lines.push(line);
    this.rt.logs.push(line);
    return this;
  }

  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.lines.length = 0;
  }
}

export class Console extends GasObject {
  constructor(rt: Runtime) {
    super(rt, 'console');
  }

  private write(level: string, args: unknown[]): void {
    this.rt.logs.push(level === 'log' ? format(...args) : `[${level}] ${format(...args)}`);
  }

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  time(): void {}

  timeEnd(): void {}
}
