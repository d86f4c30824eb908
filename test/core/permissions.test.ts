/**
 * Who may act as an authorizer: the check the server runs before every mutating call.
 */
import { authorizerRefusal, normalizeEmail } from '../../src/core/permissions';

const AUTHORIZERS = ['boss@agency.example', 'Ops@Agency.example '];

describe('normalizeEmail', () => {
  it.each([
    ['Boss@Agency.Example', 'boss@agency.example'],
    ['  ann@x.example\t', 'ann@x.example'],
    ['', ''],
  ])('%p -> %p', (email, normal) => {
    expect(normalizeEmail(email)).toBe(normal);
  });

  it('treats a missing email as empty', () => {
    expect(normalizeEmail(undefined as unknown as string)).toBe('');
    expect(normalizeEmail(null as unknown as string)).toBe('');
  });
});

describe('authorizerRefusal', () => {
  it('lets an authorizer act, whatever the case and spacing on either side', () => {
    expect(authorizerRefusal('boss@agency.example', AUTHORIZERS)).toBeNull();
    expect(authorizerRefusal(' BOSS@agency.example ', AUTHORIZERS)).toBeNull();
    expect(authorizerRefusal('ops@agency.example', AUTHORIZERS)).toBeNull();
  });

  it.each(['', '   '])('refuses an empty email (%p) and says how to fix it', (email) => {
    const refusal = authorizerRefusal(email, AUTHORIZERS);
    expect(refusal?.code).toBe('no-email');
    expect(refusal?.message).toMatch(/signed in/);
  });

  it('refuses someone who is not an authorizer, naming them and the authorizers', () => {
    const refusal = authorizerRefusal('Temp@Agency.example', AUTHORIZERS);
    expect(refusal?.code).toBe('not-authorizer');
    expect(refusal?.message).toContain('temp@agency.example');
    expect(refusal?.message).toContain('boss@agency.example');
  });

  it('refuses everyone while there are no authorizers, and says to run Set up sheets', () => {
    const refusal = authorizerRefusal('boss@agency.example', []);
    expect(refusal?.code).toBe('not-authorizer');
    expect(refusal?.message).toMatch(/Set up sheets/);
  });

  it('does not match on part of an address', () => {
    expect(authorizerRefusal('boss@agency.exampl', AUTHORIZERS)?.code).toBe('not-authorizer');
    expect(authorizerRefusal('xboss@agency.example', AUTHORIZERS)?.code).toBe('not-authorizer');
  });
});
