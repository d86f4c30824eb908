/**
 * Rounding rules: entries round up to the workbook's (or the client's) step, once.
 */
import fc from 'fast-check';
import { isRoundingMinutes, roundUp, ROUNDING_CHOICES, type RoundingMinutes } from '../../src/core/rounding';

describe('roundUp', () => {
  it.each([
    [0, 15, 0],
    [1, 15, 15],
    [15, 15, 15],
    [16, 15, 30],
    [50, 15, 60],
    [60, 6, 60],
    [61, 6, 66],
    [7, 10, 10],
    [20, 10, 20],
    [31, 30, 60],
    [89, 30, 90],
    [45, 0, 45],
    [1, 0, 1],
  ] as [number, RoundingMinutes, number][])('%p min with step %p -> %p', (minutes, step, rounded) => {
    expect(roundUp(minutes, step)).toBe(rounded);
  });

  it('rounds up to the nearest multiple, and an already-round amount is left alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), fc.constantFrom(...ROUNDING_CHOICES), (minutes, step) => {
        const once = roundUp(minutes, step);
        expect(roundUp(once, step)).toBe(once);
        if (step === 0) {
          expect(once).toBe(minutes);
        } else {
          expect(once % step).toBe(0);
          expect(once).toBeGreaterThanOrEqual(minutes);
          expect(once - minutes).toBeLessThan(step);
          if (minutes % step === 0) expect(once).toBe(minutes);
        }
      }),
    );
  });
});

describe('isRoundingMinutes', () => {
  it.each([0, 6, 10, 15, 30])('accepts %p', (value) => {
    expect(isRoundingMinutes(value)).toBe(true);
  });

  it.each([5, 12, 60, -15, 15.5, '15', '', null, undefined, NaN])('refuses %p', (value) => {
    expect(isRoundingMinutes(value)).toBe(false);
  });
});
