/**
 * The User object returned by Session, Drive sharing and protections.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

export class User extends GasObject {
  constructor(
    rt: Runtime,
    private readonly email: string,
  ) {
    super(rt, 'User');
  }

  getEmail(): string {
    return this.email;
  }

  getName(): string {
    return this.email.split('@')[0] ?? '';
  }

  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }

  getPhotoUrl(): string {
    return '';
  }

  toString(): string {
    return this.email;
  }
}
