/**
 * How the demo prints dates and times: in the workbook's time zone (harness/demo-workbook.ts),
 * as the workbook itself shows them, so every time in the demo's output reads on one clock.
 */
import { TIME_ZONE } from './demo-workbook';

const wallClockParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as `yyyy-mm-dd hh:mm` on the workbook's clock. */
export function wallClock(time: number | Date): string {
  const parts = Object.fromEntries(wallClockParts.formatToParts(time).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** An instant's date (`yyyy-mm-dd`) on the workbook's clock. */
export function wallDate(time: number | Date): string {
  return wallClock(time).slice(0, 10);
}

/** A span of calendar days (`yyyy-mm-dd`, as typed in the Date column) in words: "1–4 September 2026", "28 September – 2 October 2026". */
export function dayRange(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const month = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  if (from === to) return `${fd} ${month(fm)} ${fy}`;
  if (fy === ty && fm === tm) return `${fd}–${td} ${month(tm)} ${ty}`;
  if (fy === ty) return `${fd} ${month(fm)} – ${td} ${month(tm)} ${ty}`;
  return `${fd} ${month(fm)} ${fy} – ${td} ${month(tm)} ${ty}`;
}
