/**
 * Number formats: deciding whether a format shows a date/time (so getValues returns a Date) and
 * rendering a cell value the way getDisplayValues would (a reasonable approximation of Sheets).
 */
import { serialToWallClock } from './serial-dates';

/** What getNumberFormat returns for a cell left on the automatic format. */
export const AUTOMATIC_FORMAT = '0.###############';
/** The format Sheets gives a cell when a script writes a Date into it. */
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const TEXT_FORMAT = '@';

const dateTimeCache = new Map<string, boolean>();

/** Removes quoted text, escaped characters and [color]/[$currency] blocks, keeping [h]/[m]/[s]. */
function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
}

/** True when a cell with this format holds a date, time or duration. */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (!format) return false;
  let answer = dateTimeCache.get(format);
  if (answer === undefined) {
    const bare = stripLiterals(format);
    answer = !/^general$/i.test(bare.trim()) && bare !== TEXT_FORMAT && /[ydhsm]/i.test(bare);
    dateTimeCache.set(format, answer);
  }
  return answer;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type DateToken = { kind: 'literal'; text: string } | { kind: 'field'; code: string };

function tokenizeDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: format[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      const inner = format.slice(i + 1, end === -1 ? format.length : end);
      if (/^[hms]+$/i.test(inner)) tokens.push({ kind: 'field', code: `[${inner.toLowerCase()}]` });
      i = end === -1 ? format.length : end + 1;
    } else if (/^(am\/pm|a\/p)/i.test(format.slice(i))) {
      const len = /^am\/pm/i.test(format.slice(i)) ? 5 : 3;
      tokens.push({ kind: 'field', code: format.slice(i, i + len) });
      i += len;
    } else if (/[ymdhs]/i.test(ch)) {
      let count = 1;
      while (format[i + count]?.toLowerCase() === ch.toLowerCase()) count += 1;
      tokens.push({ kind: 'field', code: ch.toLowerCase().repeat(count) });
      i += count;
    } else if (ch === '.' && /^\.0+/.test(format.slice(i)) && tokens.some((t) => t.kind === 'field' && t.code[0] === 's')) {
      const count = /^\.(0+)/.exec(format.slice(i))![1].length;
      tokens.push({ kind: 'field', code: `.${'0'.repeat(count)}` });
      i += count + 1;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  // 'm' means minutes right after an hour field or right before a seconds field.
  const fields = tokens.filter((t): t is { kind: 'field'; code: string } => t.kind === 'field');
  fields.forEach((t, index) => {
    if (t.code[0] !== 'm' || t.code.length > 2) return;
    const before = fields[index - 1]?.code ?? '';
    const after = fields[index + 1]?.code ?? '';
    if (before.startsWith('h') || before.startsWith('[h') || after.startsWith('s') || after.startsWith('[s')) {
      t.code = t.code === 'm' ? 'min' : 'mmin';
    }
  });
  return tokens;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function renderDate(serial: number, format: string): string {
  const tokens = tokenizeDateFormat(format);
  const twelveHour = tokens.some((t) => t.kind === 'field' && /^(am\/pm|a\/p)$/i.test(t.code));
  const wall = new Date(serialToWallClock(serial));
  const hours = wall.getUTCHours();
  const totalMs = Math.round(serial * 86400000);
  return tokens
    .map((t) => {
      if (t.kind === 'literal') return t.text;
      const code = t.code;
      switch (code) {
        case 'y':
        case 'yy':
          return two(wall.getUTCFullYear() % 100);
        case 'm':
          return String(wall.getUTCMonth() + 1);
        case 'mm':
          return two(wall.getUTCMonth() + 1);
        case 'mmm':
          return MONTHS[wall.getUTCMonth()].slice(0, 3);
        case 'min':
          return String(wall.getUTCMinutes());
        case 'mmin':
          return two(wall.getUTCMinutes());
        case 'd':
          return String(wall.getUTCDate());
        case 'dd':
          return two(wall.getUTCDate());
        case 'ddd':
          return DAYS[wall.getUTCDay()].slice(0, 3);
        case 'h':
        case 'hh': {
          const h = twelveHour ? hours % 12 || 12 : hours;
          return code === 'h' ? String(h) : two(h);
        }
        case 's':
          return String(wall.getUTCSeconds());
        case 'ss':
          return two(wall.getUTCSeconds());
        case '[h]':
        case '[hh]':
          return String(Math.floor(totalMs / 3600000));
        case '[m]':
        case '[mm]':
          return String(Math.floor(totalMs / 60000));
        case '[s]':
        case '[ss]':
          return String(Math.floor(totalMs / 1000));
        default:
          if (code.startsWith('.'))
            return `.${String(wall.getUTCMilliseconds())
              .padStart(3, '0')
              .slice(0, code.length - 1)}`;
          if (/^(am\/pm|a\/p)$/i.test(code)) {
            const text = hours < 12 ? 'AM' : 'PM';
            const short = code.length === 3 ? text[0] : text;
            return code[0] === code[0].toLowerCase() ? short.toLowerCase() : short;
          }
          if (code.startsWith('y')) return String(wall.getUTCFullYear());
          if (code.startsWith('mmmmm')) return MONTHS[wall.getUTCMonth()][0];
          if (code.startsWith('m')) return MONTHS[wall.getUTCMonth()];
          if (code.startsWith('d')) return DAYS[wall.getUTCDay()];
          return code;
      }
    })
    .join('');
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderWithSection(value: number, section: string, signed: boolean): string {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let percent = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    let literal = '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      literal = section.slice(i + 1, stop);
      i = stop + 1;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end === -1 ? section.length : end);
      literal = inner.startsWith('$') ? inner.slice(1).split('-')[0] : '';
      i = end === -1 ? section.length : end + 1;
    } else if (/[0#?,.]/.test(ch) && suffix === '') {
      pattern += ch;
      i += 1;
      continue;
    } else if (ch === '_' || ch === '*') {
      i += 2;
      continue;
    } else {
      if (ch === '%') percent = true;
      literal = ch;
      i += 1;
    }
    if (pattern === '') prefix += literal;
    else suffix += literal;
  }
  const [intPattern, fracPattern = ''] = pattern.split('.');
  const minFraction = (fracPattern.match(/0/g) ?? []).length;
  const maxFraction = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minInteger = (intPattern.match(/0/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(intPattern);
  const scaled = Math.abs(value) * (percent ? 100 : 1);
  let fixed = scaled.toFixed(maxFraction);
  let [intDigits, fracDigits = ''] = fixed.split('.');
  while (fracDigits.length > minFraction && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInteger === 0) intDigits = '';
  intDigits = intDigits.padStart(minInteger, '0');
  if (grouped) intDigits = groupThousands(intDigits);
  fixed = fracDigits ? `${intDigits}.${fracDigits}` : intDigits;
  const negative = signed && value < 0 && Number(fixed.replace(/[^0-9]/g, '') || '0') !== 0;
  return `${negative ? '-' : ''}${prefix}${fixed}${suffix}`;
}

/** How Sheets shows a number on the automatic format: up to 10 significant digits. */
function renderAutomaticNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(10)));
}

function renderNumber(value: number, format: string): string {
  const sections = splitSections(format);
  if (value < 0 && sections.length > 1) return renderWithSection(-value, sections[1], false);
  if (value === 0 && sections.length > 2) return renderWithSection(0, sections[2], false);
  return renderWithSection(value, sections[0], true);
}

/** The text getDisplayValues shows for a stored value under a format. */
export function renderValue(value: number | string | boolean | null, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === AUTOMATIC_FORMAT || /^general$/i.test(format) || format === TEXT_FORMAT) return renderAutomaticNumber(value);
  if (isDateTimeFormat(format)) return renderDate(value, format);
  return renderNumber(value, format);
}
