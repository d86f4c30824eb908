/**
 * Deterministic identifiers (uuids, Drive ids, sheet ids) drawn from seeded generators,
 * so a run with the same seed produces the same ids and tests can assert on them.
 */

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for ids, not for cryptography. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Separate streams per kind, so creating a file does not shift the uuid sequence. */
export class IdSource {
  private readonly uuidRandom: () => number;
  private readonly idRandom: () => number;

  constructor(seed: number) {
    this.uuidRandom = generator(seed);
    this.idRandom = generator(seed ^ 0x5bd1e995);
  }

  /** A version-4-looking uuid such as Utilities.getUuid() returns. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.uuidRandom() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.uuidRandom() * 4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A 44-character Drive-style file id. */
  driveId(): string {
    let id = '1';
    for (let i = 1; i < 44; i += 1) id += ID_ALPHABET[Math.floor(this.idRandom() * 64)];
    return id;
  }

  /** A positive integer below 2^31 (sheet ids, chart ids, ...). */
  int(): number {
    return 1 + Math.floor(this.idRandom() * 2147483646);
  }
}
