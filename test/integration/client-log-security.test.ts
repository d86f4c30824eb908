/**
 * What a client can see: only their own rows (names that are prefixes, case or space
 * variants of each other, or hold quotes), no formula from user text in the file or the
 * CSV, nothing of the agency's workbook, and sharing with exactly the chosen email.
 */
import { addClients, addEntries, addonWithSheets, EDITOR, OWNER, standardWorkbook } from '../../harness/workbook';
import { driveRecord, formulasIn, logTab, openClientFile, parseCsv } from '../../harness/client-log';
import { FORMULA_CORPUS } from '../../harness/trust/injection-corpus';

describe('isolation between clients', () => {
  // As typed in Credits; "ACME " is read back trimmed, as "ACME".
  const NAMES = ['Acme', 'Acme Labs', 'acme', 'ACME ', 'Acme  Labs', 'O"Brien', "Bob's Burgers", 'Acme "Labs"'];

  it("each file holds its own client's rows and nothing else", () => {
    const addon = addonWithSheets();
    addClients(
      addon,
      NAMES.map((Client) => ({ Client })),
    );
    const names = NAMES.map((n) => n.trim());
    names.forEach((name, i) => addon.server.addCredits(name, 10 + i, `top-up for <${name}>`));
    addEntries(
      addon,
      names.map((name, i) => ({ 'Entry ID': `E-${i}`, Client: name, Hours: 1 + i / 4, Description: `work for <${name}>` })),
    );
    const result = addon.server.authorizeEntries(names.map((_, i) => `E-${i}`));
    expect(result.skipped).toEqual([]);
    for (const [i, name] of names.entries()) {
      const { url } = addon.server.exportPrepaidLog(name);
      const descriptions = logTab(addon, url).map((r) => r.Description);
      expect(descriptions).toEqual([`top-up for <${name}>`, `work for <${name}>`]);
      const everything = JSON.stringify(addon.emu.snapshot(openClientFile(addon, url)));
      for (const other of names.filter((n) => n !== name)) expect(everything).not.toContain(JSON.stringify(`<${other}>`).slice(1, -1));
      expect(logTab(addon, url).map((r) => r['Balance (h)'])).toEqual([10 + i, 10 + i - (1 + i / 4)]);
    }
  });

  it('a client must be named exactly as in Credits', () => {
    const addon = standardWorkbook();
    expect(() => addon.server.exportPrepaidLog('acme labs')).toThrow(/no client "acme labs"/);
    expect(() => addon.server.shareClientLog('ACME', 'x@client.test')).toThrow(/no client "ACME"/);
  });
});

describe('formula injection', () => {
  // The trust suite's corpus: `=`, `+`, `-`, `@`, tab and CR prefixes, quotes, numbers and dates as text.
  const CORPUS = FORMULA_CORPUS;

  // Time entries are read trimmed, so a tab or CR typed before "=" reaches the log without it;
  // test/sheets/client-log-file.test.ts writes those prefixes straight into the client's file.
  const AS_LOGGED = CORPUS.map((text) => text.trim());

  function workbookWithCorpus() {
    const addon = addonWithSheets();
    // A leading apostrophe makes the emulator (like Sheets) keep what follows as typed text.
    addClients(addon, [{ Client: "'=Evil+Co" }]);
    addon.server.saveSettings({ clientLogPerson: 'email' });
    addon.server.addCredits('=Evil+Co', 40, '=cmd|" /C calc"!A0');
    addEntries(
      addon,
      CORPUS.map((text, i) => ({ 'Entry ID': `E-${i}`, Client: "'=Evil+Co", Hours: 1, Description: `'${text}`, Person: i === 0 ? "'=1+2" : 'Ann' })),
    );
    const done = addon.server.authorizeEntries(CORPUS.map((_, i) => `E-${i}`));
    expect(done.skipped).toEqual([]);
    return addon;
  }

  it("user text shows as the same text in the client's file, never as a formula", () => {
    const addon = workbookWithCorpus();
    const { url } = addon.server.exportPrepaidLog('=Evil+Co');
    const log = logTab(addon, url);
    expect(log.map((r) => r.Description)).toEqual(['=cmd|" /C calc"!A0', ...AS_LOGGED]);
    expect(log[1].Person).toBe('=1+2');
    expect(formulasIn(addon, url)).toEqual([]);
    const summary = addon.emu.snapshot(openClientFile(addon, url)).Summary;
    expect(summary[0][0]).toBe('Prepaid log — =Evil+Co');
    expect(summary[1]).toEqual(['Client', '=Evil+Co']);
  });

  it('CSV output prefixes text that would start a formula with an apostrophe', () => {
    const addon = workbookWithCorpus();
    const { csv } = addon.server.exportPrepaidLog('=Evil+Co', { csv: true });
    const [header, ...lines] = parseCsv(csv!);
    const description = header.indexOf('Description');
    const person = header.indexOf('Person');
    const guarded = (text: string) => (/^[=+\-@\t\r']/.test(text) ? `'${text}` : text);
    expect(lines.map((l) => l[description])).toEqual(['=cmd|" /C calc"!A0', ...AS_LOGGED].map(guarded));
    expect(lines[1][person]).toBe("'=1+2");
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+\.\d\d$)/);
  });
});

describe('nothing of the agency workbook', () => {
  it("the client file holds neither the workbook's ID nor its URL, nor its internal columns", () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const { url } = addon.server.exportPrepaidLog('Acme', { from: '2026-01-01' });
    const agency = addon.emu.spreadsheet;
    const file = openClientFile(addon, url);
    const text = JSON.stringify(addon.emu.snapshot(file)) + driveRecord(addon, url).name + driveRecord(addon, url).description;
    expect(text).not.toContain(agency.getId());
    expect(text).not.toContain(agency.getUrl());
    expect(text).not.toContain(OWNER); // who authorized is the agency's business
    expect(text).not.toMatch(/"L-[0-9A-F]{12}"/); // internal Log IDs
    expect(text).not.toMatch(/"E-\d"|Entry ID|Raw hours/); // internal Entry IDs and hours before rounding
    expect(file.getSheets().map((s) => s.getName())).toEqual(['Summary', 'Log']);
    for (const chart of file.getSheetByName('Summary')!.getCharts()) {
      for (const range of chart.getRanges()) expect(range.getSheet().getParent().getId()).toBe(file.getId());
    }
  });

  it('hides the person or the descriptions when Settings say so', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    addon.server.saveSettings({ clientLogPerson: 'hidden', clientLogShowDescriptions: false });
    const { url } = addon.server.exportPrepaidLog('Acme');
    const [header] = addon.emu.snapshot(openClientFile(addon, url)).Log;
    expect(header).toEqual(['Date', 'Work date', 'Kind', 'Hours', 'Balance (h)', 'Invoice']);
    expect(JSON.stringify(addon.emu.snapshot(openClientFile(addon, url)))).not.toMatch(/Kick-off|Initial block|Ann/);
  });
});

describe('sharing', () => {
  const CLIENT = 'pat@acme.test';

  it('shares the client file (not the workbook) view-only with that email, once, and records it', () => {
    const addon = standardWorkbook();
    const shared = addon.server.shareClientLog('Acme', CLIENT);
    expect(shared.sharedWith).toEqual([CLIENT]);
    expect(shared.linkSharing).toBe(false);
    const file = driveRecord(addon, shared.url);
    expect(file).toMatchObject({ viewers: [CLIENT], editors: [], access: 'PRIVATE' });
    addon.server.shareClientLog('Acme', ' PAT@acme.test ');
    expect(driveRecord(addon, shared.url).viewers).toEqual([CLIENT]);
    const events = addon.emu.files.sharingLog.filter((e) => e.action !== 'setSharing');
    expect(events.map((e) => [e.fileId, e.action, e.email])).toEqual([[file.id, 'addViewer', CLIENT]]);
    const agency = addon.emu.files.get(addon.emu.spreadsheet.getId())!;
    expect(agency.viewers).toEqual([]);
    expect(agency.access).toBe('PRIVATE');
    expect(addon.server.exportPrepaidLog('Acme').sharedWith).toEqual([CLIENT]);
  });

  it('a client who was an editor becomes a viewer', () => {
    const addon = standardWorkbook();
    const { url } = addon.server.exportPrepaidLog('Acme');
    driveRecord(addon, url).editors.push(CLIENT);
    addon.server.shareClientLog('Acme', CLIENT);
    expect(driveRecord(addon, url)).toMatchObject({ viewers: [CLIENT], editors: [] });
  });

  it('unshare takes it back and updates the record', () => {
    const addon = standardWorkbook();
    addon.server.shareClientLog('Acme', CLIENT);
    addon.server.shareClientLog('Acme', 'sam@acme.test');
    const result = addon.server.unshareClientLog('Acme', CLIENT);
    expect(result.sharedWith).toEqual(['sam@acme.test']);
    expect(driveRecord(addon, result.url).viewers).toEqual(['sam@acme.test']);
    expect(addon.server.unshareClientLog('Acme', CLIENT).summary).toMatch(/was not shared/);
  });

  it('never opens the file to anyone with the link, unless Settings allow it for that client', () => {
    const addon = standardWorkbook();
    const acme = addon.server.shareClientLog('Acme', CLIENT);
    const labs = addon.server.shareClientLog('Acme Labs', 'lee@labs.test');
    expect(driveRecord(addon, acme.url).access).toBe('PRIVATE');
    addon.server.saveSettings({ linkSharingClients: ['Acme'] });
    expect(addon.server.exportPrepaidLog('Acme').linkSharing).toBe(true);
    expect(driveRecord(addon, acme.url)).toMatchObject({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    addon.server.exportPrepaidLog('Acme Labs');
    expect(driveRecord(addon, labs.url).access).toBe('PRIVATE');
    addon.server.saveSettings({ linkSharingClients: [] });
    addon.server.exportPrepaidLog('Acme');
    expect(driveRecord(addon, acme.url)).toMatchObject({ access: 'PRIVATE', permission: 'NONE' });
  });

  it('link sharing widened by hand is closed again at the next refresh', () => {
    const addon = standardWorkbook();
    const { url } = addon.server.shareClientLog('Acme', CLIENT);
    Object.assign(driveRecord(addon, url), { access: 'ANYONE', permission: 'EDIT' });
    addon.server.authorizeEntries(['E-1']);
    expect(driveRecord(addon, url).access).toBe('PRIVATE');
  });

  it('is for authorizers only, with a real email', () => {
    const addon = standardWorkbook();
    expect(() => addon.as(EDITOR).shareClientLog('Acme', CLIENT)).toThrow(/Only authorizers/);
    const { url } = addon.server.shareClientLog('Acme', CLIENT);
    expect(() => addon.as(EDITOR).unshareClientLog('Acme', CLIENT)).toThrow(/Only authorizers/);
    expect(() => addon.server.shareClientLog('Acme', 'pat at acme')).toThrow(/not an email address/);
    expect(() => addon.server.shareClientLog('Acme', OWNER)).toThrow(/owns the prepaid log/);
    expect(() => addon.server.unshareClientLog('Nobody', CLIENT)).toThrow(/no prepaid log file for "Nobody"/);
    expect(driveRecord(addon, url).viewers).toEqual([CLIENT]);
  });

  it('stopped after any write and run again, leaves exactly one share', () => {
    let stoppedRuns = 0;
    for (let k = 0; ; k++) {
      const addon = standardWorkbook();
      addon.server.exportPrepaidLog('Acme');
      addon.emu.faults.stopAfterWrites(k);
      let stopped = false;
      try {
        addon.server.shareClientLog('Acme', CLIENT);
      } catch (error) {
        if ((error as Error).name !== 'ScriptStopped') throw error;
        stopped = true;
      }
      addon.emu.faults.clear();
      const { url, sharedWith } = addon.server.shareClientLog('Acme', CLIENT);
      expect(sharedWith).toEqual([CLIENT]);
      expect(driveRecord(addon, url).viewers).toEqual([CLIENT]);
      expect(addon.emu.files.sharingLog.filter((e) => e.action === 'addViewer')).toHaveLength(1);
      if (!stopped) break;
      stoppedRuns++;
    }
    expect(stoppedRuns).toBeGreaterThan(1);
  });
});
