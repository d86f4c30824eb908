import { createHash } from 'node:crypto';
import { dateToSerial, serialToDate } from '..';
import { setup } from './fixture';

describe('Utilities', () => {
  const { Utilities, emu } = setup({ seed: 42 });
  const instant = new Date('2026-03-29T07:05:09.045Z');

  it('formats dates in the given time zone with Java patterns', () => {
    expect(Utilities.formatDate(instant, 'Europe/Brussels', 'yyyy-MM-dd HH:mm:ss.SSS Z')).toBe('2026-03-29 09:05:09.045 +0200');
    expect(Utilities.formatDate(instant, 'America/New_York', 'yyyy-MM-dd HH:mm XXX')).toBe('2026-03-29 03:05 -04:00');
    expect(Utilities.formatDate(instant, 'UTC', "EEE d MMM yy h:mm a 'at' XXX")).toBe('Sun 29 Mar 26 7:05 AM at Z');
    expect(Utilities.formatDate(instant, 'Asia/Kolkata', "dd/MM/yyyy 'o''clock' H")).toBe("29/03/2026 o'clock 12");
    expect(Utilities.formatDate(new Date('2026-01-01T00:30:00Z'), 'America/Los_Angeles', 'yyyy-MM-dd')).toBe('2025-12-31');
  });

  it('converts serial numbers in both directions', () => {
    expect(dateToSerial(new Date('2026-01-04T23:00:00Z'), 'Europe/Brussels')).toBe(46027);
    expect(serialToDate(46027.5, 'Europe/Brussels').toISOString()).toBe('2026-01-05T11:00:00.000Z');
    expect(serialToDate(46027, 'UTC').toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it('makes deterministic v4-looking uuids from the seed', () => {
    const first = Utilities.getUuid();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = setup({ seed: 42 }).Utilities.getUuid();
    expect(again).toBe(first);
    expect(setup({ seed: 43 }).Utilities.getUuid()).not.toBe(first);
    expect(Utilities.getUuid()).not.toBe(first);
  });

  it('computes digests as signed bytes like Java', () => {
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'hello');
    const expected = [...createHash('md5').update('hello').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(md5).toEqual(expected);
    expect(md5.some((b) => b < 0)).toBe(true);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'é', Utilities.Charset.UTF_8)).toHaveLength(32);
    expect(Utilities.computeHmacSha256Signature('data', 'key')).toHaveLength(32);
  });

  it('encodes base64 and builds blobs', () => {
    expect(Utilities.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    const bytes = Utilities.base64Decode(Utilities.base64Encode('héllo'));
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('héllo');
    const blob = Utilities.newBlob('a,b', 'text/csv', 'data.csv');
    expect([blob.getContentType(), blob.getName(), blob.getDataAsString()]).toEqual(['text/csv', 'data.csv', 'a,b']);
    expect(Utilities.base64EncodeWebSafe([-1, -2, -3])).toBe('__79');
  });

  it('sleeps by advancing the clock', () => {
    const before = emu.clock.now();
    Utilities.sleep(2000);
    expect(emu.clock.now()).toBe(before + 2000);
  });
});
