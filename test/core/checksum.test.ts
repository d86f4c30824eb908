/**
 * The log's chained checksum: every field a person can see is covered, the previous
 * row's checksum is part of it, and the hash is FNV-1a (checked against its published
 * test vectors through an independent BigInt implementation).
 */
import { rowChecksum } from '../../src/core/checksum';
import type { LogRow } from '../../src/core/types';
import { aDraft } from '../../harness/builders';

/** FNV-1a, 32 bits, in BigInt arithmetic so it shares nothing with the code under test. */
function fnv1aReference(text: string): string {
  let hash = 0x811c9dc5n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x01000193n) % 2n ** 32n;
  }
  return hash.toString(16).padStart(8, '0');
}

const base: Omit<LogRow, 'checksum'> = {
  ...aDraft({ logId: 'L-1', kind: 'Deduction', minutes: -90, entryId: 'E-1', rawMinutes: 85, person: 'ann', workDate: Date.UTC(2026, 1, 16) }),
  balanceAfterMinutes: 510,
};

describe('rowChecksum', () => {
  it('uses FNV-1a (published vectors)', () => {
    expect(fnv1aReference('')).toBe('811c9dc5');
    expect(fnv1aReference('a')).toBe('e40c292c');
    expect(fnv1aReference('foobar')).toBe('bf9cf968');
  });

  it('is FNV-1a of the row’s fields, timestamps to the second, joined by a unit separator', () => {
    const fields = ['prev', 'L-1', Math.floor(base.at / 1000), 'Acme', 'Deduction', -90, 510, 'E-1', '', base.by, '', 85, 'ann', Date.UTC(2026, 1, 16) / 1000];
    expect(rowChecksum(base, 'prev')).toBe(fnv1aReference(fields.join('\u001f')));
  });

  it('changes when any visible field or the previous checksum changes', () => {
    const original = rowChecksum(base, 'abc');
    const edits: Partial<Omit<LogRow, 'checksum'>>[] = [
      { logId: 'L-2' },
      { at: base.at + 1000 },
      { client: 'Acme ' },
      { kind: 'Reversal' },
      { minutes: -91 },
      { balanceAfterMinutes: 509 },
      { entryId: 'E-2' },
      { description: 'x' },
      { by: 'someone@else.example' },
      { reference: 'INV-1' },
      { rawMinutes: 86 },
      { rawMinutes: null },
      { person: 'bob' },
      { workDate: base.workDate! + 86_400_000 },
      { workDate: null },
    ];
    for (const edit of edits) expect(rowChecksum({ ...base, ...edit }, 'abc')).not.toBe(original);
    expect(rowChecksum(base, 'abd')).not.toBe(original);
    expect(rowChecksum(base, '')).not.toBe(original);
  });

  it('ignores milliseconds, which a sheet may not keep', () => {
    expect(rowChecksum({ ...base, at: base.at + 999 }, 'abc')).toBe(rowChecksum(base, 'abc'));
  });
});
