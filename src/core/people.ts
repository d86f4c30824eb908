/**
 * People's names. Time entries, the Person filter and the client's log show a person by
 * name; the add-on knows the signed-in user only by email. Settings' `people` maps emails
 * to names, and anyone not in it is named from the email itself.
 */
import { normalizeEmail } from './permissions';

/** Whether `text` is one email address (no spaces, one `@`, a dot in the domain). */
export function isEmailAddress(text: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
}

/**
 * A name made from an email address, for people not in Settings' People: the part before
 * the `@` (without a `+tag`), split at dots, dashes and underscores, each word
 * capitalized: `owner@agency.test` is "Owner", `jan.peeters@agency.test` "Jan Peeters".
 */
export function nameFromEmail(email: string): string {
  const local = email.trim().split('@')[0].split('+')[0];
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.length === 0) return email.trim();
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The name Time entries write for `email`: the People setting's, else {@link nameFromEmail}. Text that is not an email is already a name. */
export function personName(email: string, people: Readonly<Record<string, string>>): string {
  const key = normalizeEmail(email);
  if (!isEmailAddress(key)) return email.trim();
  // An email always holds "@", so it never names a member every object has.
  return people[key] ?? nameFromEmail(key);
}
