/**
 * Utilities: formatDate in a time zone, deterministic getUuid, digests and HMACs as Java signed
 * bytes, base64, blobs, sleep (which advances the emulated clock) and the related enums.
 */
import { createHash, createHmac } from 'node:crypto';
import { format } from 'node:util';
import { Blob, toBytes, toSignedBytes } from './blob';
import { formatDate } from './format-date';
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MACS: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };
const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const DigestAlgorithm = enumOf(Object.keys(DIGESTS));
export const MacAlgorithm = enumOf(Object.keys(MACS));

const MAX_SLEEP_MS = 300000;

function asDate(value: unknown): Date {
  if (Object.prototype.toString.call(value) !== '[object Date]') throw new Error('Invalid argument: date');
  return value as Date;
}

export class Utilities extends GasObject {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(rt: Runtime) {
    super(rt, 'Utilities');
  }

  formatDate(date: Date, timeZone: string, pattern: string): string {
    return formatDate(asDate(date), String(timeZone), String(pattern));
  }

  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
  }

  getUuid(): string {
    return this.rt.ids.uuid();
  }

  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const name = DIGESTS[algorithm];
    if (!name) throw new Error(`Invalid argument: algorithm (${algorithm})`);
    return toSignedBytes(createHash(name).update(toBytes(value, charset)).digest());
  }

  computeHmacSignature(algorithm: string, value: string | number[], key: string | number[], charset?: string): number[] {
    const name = MACS[algorithm];
    if (!name) throw new Error(`Invalid argument: algorithm (${algorithm})`);
    return toSignedBytes(createHmac(name, toBytes(key, charset)).update(toBytes(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
    return toSignedBytes(createHmac('sha256', toBytes(key, charset)).update(toBytes(value, charset)).digest());
  }

  base64Encode(data: string | number[], charset?: string): string {
    return Buffer.from(toBytes(data, charset)).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    return Buffer.from(toBytes(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    return new Blob(this.rt, toBytes(data ?? ''), contentType ?? null, name ?? null);
  }

  /** Advances the emulated clock instead of waiting. */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw new Error(`Invalid argument: milliseconds (must be 0..${MAX_SLEEP_MS})`);
    this.rt.clock.advance(ms);
  }

  jsonStringify(value: unknown): string {
    return JSON.stringify(value);
  }

  jsonParse(text: string): unknown {
    return JSON.parse(text);
  }
}
