/**
 * Who may do what. Authorizers (a list of emails in Settings) may authorize, reverse, add
 * or adjust credits, invoice and change settings; anyone who can edit the workbook may log
 * time and read. Checked on the server for every call, never only in the sidebar.
 */
import type { Refusal } from './result';

export type PermissionRefusal = Refusal<'no-email' | 'not-authorizer'>;

export function normalizeEmail(email: string): string {
  return String(email ?? '')
    .trim()
    .toLowerCase();
}

/** Returns null when the user may act as an authorizer, or the reason they may not. */
export function authorizerRefusal(email: string, authorizers: readonly string[]): PermissionRefusal | null {
  const user = normalizeEmail(email);
  if (!user) {
    return {
      code: 'no-email',
      message:
        'Google did not tell the add-on who you are, so it cannot check that you are an authorizer. Open the sheet while signed in to your Google account (not in an incognito or shared session) and try again.',
    };
  }
  if (!authorizers.map(normalizeEmail).includes(user)) {
    const who = authorizers.length ? authorizers.join(', ') : 'nobody yet (run Set up sheets)';
    return { code: 'not-authorizer', message: `Only authorizers can do this. You are signed in as ${user}; authorizers: ${who}.` };
  }
  return null;
}
