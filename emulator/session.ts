/**
 * Session: who runs the script (emu.user; '' for consumer accounts whose email is hidden),
 * the script time zone and locale.
 */
import { createHash } from 'node:crypto';
import { GasObject } from './instrument';
import type { Runtime } from './runtime';
import { User } from './users';

export class Session extends GasObject {
  constructor(
    rt: Runtime,
    private readonly seed: number,
  ) {
    super(rt, 'Session');
  }

  getActiveUser(): User {
    return new User(this.rt, this.rt.user);
  }

  getEffectiveUser(): User {
    return new User(this.rt, this.rt.user);
  }

  getScriptTimeZone(): string {
    return this.rt.scriptTimeZone;
  }

  getTimeZone(): string {
    return this.rt.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** A stable, anonymous key per user (and seed). */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`${this.seed}:${this.rt.user}`).digest('base64').slice(0, 43);
  }
}
