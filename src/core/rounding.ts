/**
 * Rounding of time entries. A workbook-wide rule rounds each entry up to a multiple of
 * 6, 10, 15 or 30 minutes (or not at all); a client's own `Rounding (min)` overrides it.
 * It is applied once, when an entry is deducted; the log keeps raw and rounded minutes.
 */

export const ROUNDING_CHOICES = [0, 6, 10, 15, 30] as const;
export type RoundingMinutes = (typeof ROUNDING_CHOICES)[number];

export function isRoundingMinutes(value: unknown): value is RoundingMinutes {
  return (ROUNDING_CHOICES as readonly unknown[]).includes(value);
}

/** Rounds whole minutes up to the next multiple of `step` (0 leaves them as they are). */
export function roundUp(minutes: number, step: RoundingMinutes): number {
  if (step === 0 || minutes % step === 0) return minutes;
  return Math.ceil(minutes / step) * step;
}
