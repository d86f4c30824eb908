/**
 * Blob: bytes with a content type and a name (Utilities.newBlob, File.getBlob, getAs exports,
 * mail attachments). getBytes() returns Java-style signed bytes, like Apps Script.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

/** Java bytes are signed: 200 -> -56. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Bytes from a string (UTF-8 unless charset says US_ASCII/ISO-8859-1) or from a (signed) byte array. */
export function toBytes(data: unknown, charset?: string): Uint8Array {
  if (typeof data === 'string') {
    const encoding = charset && /ascii|8859|latin/i.test(charset) ? 'latin1' : 'utf8';
    return new Uint8Array(Buffer.from(data, encoding));
  }
  if (Array.isArray(data) || ArrayBuffer.isView(data)) return Uint8Array.from(data as ArrayLike<number>, (b) => b & 0xff);
  throw new Error("The parameters don't match the method signature: expected a String or Byte[].");
}

function convertibleToPdf(contentType: string): boolean {
  return contentType.startsWith('text/') || contentType === 'application/pdf';
}

/** Replaces a file name's extension as Apps Script does when a blob is converted. */
function renameForType(name: string | null, contentType: string): string | null {
  if (name === null) return null;
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType.split('/')[1];
  return `${name.replace(/\.[^.]*$/, '')}.${ext}`;
}

export class Blob extends GasObject {
  constructor(
    rt: Runtime,
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super(rt, 'Blob');
  }

  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }

  setBytes(data: number[]): Blob {
    this._bytes = toBytes(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return Buffer.from(this._bytes).toString(charset && /ascii|8859|latin/i.test(charset) ? 'latin1' : 'utf8');
  }

  setDataFromString(text: string, charset?: string): Blob {
    this._bytes = toBytes(text, charset);
    return this;
  }

  getContentType(): string | null {
    return this._contentType;
  }

  setContentType(contentType: string | null): Blob {
    this._contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this._name;
  }

  setName(name: string): Blob {
    this._name = name;
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  getBlob(): Blob {
    return this;
  }

  copyBlob(): Blob {
    return new Blob(this.rt, new Uint8Array(this._bytes), this._contentType, this._name);
  }

  /** Converts to another type; text and HTML become PDF (same bytes, the emulator draws nothing). */
  getAs(contentType: string): Blob {
    const from = this._contentType ?? 'application/octet-stream';
    if (from !== contentType && !(contentType === 'application/pdf' && convertibleToPdf(from))) {
      throw new Error(`Converting from ${from} to ${contentType} is not supported.`);
    }
    return new Blob(this.rt, new Uint8Array(this._bytes), contentType, renameForType(this._name, contentType));
  }
}
