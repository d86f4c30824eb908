/**
 * Settings: stored JSON is read over the defaults, and a change is merged key by key or
 * refused whole with a reason per key.
 */
import { sameClientName } from '../../src/core/client-name';
import { nameFromEmail, personName } from '../../src/core/people';
import { DEFAULT_SETTINGS, mergeSettings, parseStoredSettings, SettingsError, type Settings } from '../../src/core/settings';

function refusal(change: Record<string, unknown>, current: Settings = DEFAULT_SETTINGS): SettingsError {
  try {
    mergeSettings(current, change);
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('expected the change to be refused');
}

describe('DEFAULT_SETTINGS', () => {
  it('has no authorizers and no rounding until someone sets them', () => {
    expect(DEFAULT_SETTINGS.authorizers).toEqual([]);
    expect(DEFAULT_SETTINGS.roundingMinutes).toBe(0);
  });
});

describe('parseStoredSettings', () => {
  it.each([null, '', 'not json', '{', 'null', '42', '"text"', 'true', '[]'])('falls back to the defaults for %p', (json) => {
    expect(parseStoredSettings(json)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads stored values over the defaults', () => {
    const settings = parseStoredSettings(JSON.stringify({ authorizers: ['Boss@Agency.example'], roundingMinutes: 15, emailInvoices: true }));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, authorizers: ['boss@agency.example'], roundingMinutes: 15, emailInvoices: true });
  });

  it('ignores stored values that no longer validate, and unknown keys', () => {
    const settings = parseStoredSettings(
      JSON.stringify({ roundingMinutes: 7, authorizers: 'boss', creditOn: 'never', legacy: 1, invoicePattern: 'INV-{yyyy}-{000}' }),
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, invoicePattern: 'INV-{yyyy}-{000}' });
  });

  it('does not share the default lists between readers', () => {
    const a = parseStoredSettings(null);
    a.authorizers.push('x@y.example');
    expect(DEFAULT_SETTINGS.authorizers).toEqual([]);
  });
});

describe('mergeSettings', () => {
  const current: Settings = { ...DEFAULT_SETTINGS, authorizers: ['boss@agency.example'], roundingMinutes: 6 };

  it('changes only the keys it is given', () => {
    const next = mergeSettings(current, { roundingMinutes: 15 });
    expect(next).toEqual({ ...current, roundingMinutes: 15 });
    expect(current.roundingMinutes).toBe(6); // the input is not mutated
  });

  it('accepts an empty change, and no change at all', () => {
    expect(mergeSettings(current, {})).toEqual(current);
    expect(mergeSettings(current, null as unknown as Record<string, unknown>)).toEqual(current);
  });

  it('normalizes and de-duplicates authorizers', () => {
    const next = mergeSettings(current, { authorizers: [' Boss@Agency.example', 'boss@agency.example', 'OPS@agency.example', ''] });
    expect(next.authorizers).toEqual(['boss@agency.example', 'ops@agency.example']);
  });

  it('trims text and de-duplicates lists', () => {
    const next = mergeSettings(current, { invoiceFolderId: '  abc  ', linkSharingClients: ['Acme', ' Acme ', '', 'Beta'] });
    expect(next.invoiceFolderId).toBe('abc');
    expect(next.linkSharingClients).toEqual(['Acme', 'Beta']);
  });

  it.each([
    [{ authorizers: [] }, 'authorizers', /at least one authorizer/],
    [{ authorizers: ['  '] }, 'authorizers', /at least one authorizer/],
    [{ authorizers: ['boss'] }, 'authorizers', /"boss" is not an email address/],
    [{ authorizers: 'boss@agency.example' }, 'authorizers', /list of text/],
    [{ authorizers: ['a@b.example', 3] }, 'authorizers', /list of text/],
    [{ roundingMinutes: 5 }, 'roundingMinutes', /0 \(none\), 6, 10, 15 or 30/],
    [{ roundingMinutes: '15' }, 'roundingMinutes', /0 \(none\), 6, 10, 15 or 30/],
    [{ invoicePattern: 'INV-{yyyy}' }, 'invoicePattern', /counter/],
    [{ invoicePattern: 12 }, 'invoicePattern', /text/],
    [{ emailInvoices: 'yes' }, 'emailInvoices', /true or false/],
    [{ creditOn: 'later' }, 'creditOn', /payment, issue/],
    [{ clientLogPerson: 'initials' }, 'clientLogPerson', /name, email, hidden/],
    [{ colour: 'blue' }, 'colour', /is not a setting/],
  ])('refuses %p', (change, key, reason) => {
    const error = refusal(change, current);
    expect(Object.keys(error.problems)).toEqual([key]);
    expect(error.problems[key]).toMatch(reason);
    expect(error.message).toMatch(/^Settings were not saved: /);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('says the inherited name %p is not a setting', (key) => {
    const change = JSON.parse(`{"${key}": 1}`) as Record<string, unknown>;
    expect(refusal(change, current).problems).toEqual({ [key]: 'is not a setting' });
  });

  it('refuses the whole change when one key is bad, and names every bad key', () => {
    const error = refusal({ roundingMinutes: 15, emailInvoices: 'yes', colour: 'blue' }, current);
    expect(Object.keys(error.problems).sort()).toEqual(['colour', 'emailInvoices']);
    expect(current.roundingMinutes).toBe(6);
  });
});

describe('people', () => {
  it.each([
    ['owner@agency.test', 'Owner'],
    ['jan.peeters@agency.test', 'Jan Peeters'],
    ['marie-claire_dubois+work@agency.test', 'Marie Claire Dubois'],
    ['  Ann@Agency.test ', 'Ann'],
  ])('names %s "%s" from the email', (email, name) => {
    expect(nameFromEmail(email)).toBe(name);
  });

  it('takes the People setting first (any case of the email), and leaves a name that is not an email as it is', () => {
    const people = mergeSettings(DEFAULT_SETTINGS, { people: { ' Jan.Peeters@Agency.test ': '  Jan  Peeters-Smit ' } }).people;
    expect(people).toEqual({ 'jan.peeters@agency.test': 'Jan Peeters-Smit' });
    expect(personName('JAN.PEETERS@agency.test', people)).toBe('Jan Peeters-Smit');
    expect(personName('owner@agency.test', people)).toBe('Owner');
    expect(personName(' Ann ', people)).toBe('Ann');
  });

  it.each([
    [{ 'x@y': 'X' }, /"x@y" is not an email address/],
    [{ 'a@b.test': 7 }, /must have a name as text/],
    [{ 'a@b.test': 'line\nbreak' }, /more than one line/],
    [{ 'a@b.test': '@mention' }, /formula/],
    [{ 'a@b.test': 'a@b.test' }, /email address as its name/],
    [{ 'a@b.test': 'Ann', 'c@b.test': ' ann ' }, /both named "ann"/],
    [['a@b.test'], /must map email addresses to names/],
  ])('refuses %j', (people, reason) => {
    expect(refusal({ people }).problems.people).toMatch(reason);
  });
});

describe('sameClientName', () => {
  it('matches names a person reads as one client, and keeps different ones apart', () => {
    expect(sameClientName('Acme', ' acme ')).toBe(true);
    expect(sameClientName('Acme  Labs', 'ACME LABS')).toBe(true);
    expect(sameClientName('Acme', 'Acme Labs')).toBe(false);
  });
});
