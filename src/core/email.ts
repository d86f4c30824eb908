/** What the add-on accepts as an email address: something@domain.tld, without spaces. */

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** True when `text` looks like an email address (authorizers, billing emails, the people a client log is shared with). */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}
