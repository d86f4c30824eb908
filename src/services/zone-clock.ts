/**
 * Dates formatted in the spreadsheet's time zone without a service call per date.
 * Utilities.formatDate costs one Apps Script call each time, and an operation that shows
 * a date per row (the sidebar's list, an invoice's deductions, an archive run) would make
 * a call per row. V8's Intl knows the zones, so the wall-clock fields come from one
 * Intl.DateTimeFormat and the pattern (Utilities.formatDate's digits: yyyy, MM, dd, HH,
 * mm, ss and 'quoted text') is filled in here. Where Intl does not know the zone, every
 * call falls back to Utilities.formatDate.
 */

type Fields = Record<'yyyy' | 'MM' | 'dd' | 'HH' | 'mm' | 'ss', string>;

const TOKEN = /'([^']*)'|yyyy|MM|dd|HH|mm|ss/g;

function fieldReader(timeZone: string): ((time: number) => Fields) | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return null;
  }
  return (time) => {
    const part: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(time))) part[p.type] = p.value;
    return { yyyy: part.year.padStart(4, '0'), MM: part.month, dd: part.day, HH: part.hour === '24' ? '00' : part.hour, mm: part.minute, ss: part.second };
  };
}

/**
 * A `formatDate(time, pattern)` for one time zone: Intl's fields when it knows the zone
 * and the pattern uses only the tokens above, else `fallback` (Utilities.formatDate).
 */
export function zoneFormatter(timeZone: string, fallback: (time: number, pattern: string) => string): (time: number, pattern: string) => string {
  const read = fieldReader(timeZone);
  return (time, pattern) => {
    if (!read || /[^yMdHms'\s\-:/.,T]/.test(pattern.replace(/'[^']*'/g, ''))) return fallback(time, pattern);
    const fields = read(time);
    return pattern.replace(TOKEN, (token, quoted: string | undefined) => (quoted !== undefined ? quoted : fields[token as keyof Fields]));
  };
}
