/**
 * Drive sharing shared by File, Folder, Spreadsheet and Document: viewers, editors, link sharing,
 * with DriveApp.Access and DriveApp.Permission. Every change is also written to DriveStore.sharingLog.
 */
import type { DriveFileRecord, DriveStore } from './drive-store';
import type { Runtime } from './runtime';
import { User } from './users';

export const Access = Object.freeze({
  ANYONE: 'ANYONE',
  ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
  DOMAIN: 'DOMAIN',
  DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
  PRIVATE: 'PRIVATE',
});

export const Permission = Object.freeze({
  VIEW: 'VIEW',
  EDIT: 'EDIT',
  COMMENT: 'COMMENT',
  OWNER: 'OWNER',
  ORGANIZER: 'ORGANIZER',
  FILE_ORGANIZER: 'FILE_ORGANIZER',
  NONE: 'NONE',
});

function emailOf(user: unknown): string {
  const email = typeof user === 'string' ? user : typeof user === 'object' && user !== null && 'getEmail' in user ? String((user as User).getEmail()) : '';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
  return email;
}

/** Sharing operations on one Drive record, done by the current user. */
export class Sharing {
  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
    private readonly file: DriveFileRecord,
  ) {}

  addViewer(user: unknown): void {
    const email = emailOf(user);
    if (email !== this.file.owner && !this.file.editors.includes(email) && !this.file.viewers.includes(email)) this.file.viewers.push(email);
    this.store.logSharing({ fileId: this.file.id, action: 'addViewer', email, by: this.rt.user });
  }

  addEditor(user: unknown): void {
    const email = emailOf(user);
    this.file.viewers = this.file.viewers.filter((v) => v !== email);
    if (email !== this.file.owner && !this.file.editors.includes(email)) this.file.editors.push(email);
    this.store.logSharing({ fileId: this.file.id, action: 'addEditor', email, by: this.rt.user });
  }

  removeViewer(user: unknown): void {
    const email = emailOf(user);
    this.file.viewers = this.file.viewers.filter((v) => v !== email);
    this.store.logSharing({ fileId: this.file.id, action: 'removeViewer', email, by: this.rt.user });
  }

  removeEditor(user: unknown): void {
    const email = emailOf(user);
    this.file.editors = this.file.editors.filter((v) => v !== email);
    this.store.logSharing({ fileId: this.file.id, action: 'removeEditor', email, by: this.rt.user });
  }

  viewers(): User[] {
    return this.file.viewers.map((e) => new User(this.rt, e));
  }

  editors(): User[] {
    return this.file.editors.map((e) => new User(this.rt, e));
  }

  owner(): User {
    return new User(this.rt, this.file.owner);
  }

  setSharing(access: string, permission: string): void {
    if (!(access in Access)) throw new Error(`Invalid argument: accessType (${access})`);
    if (!(permission in Permission)) throw new Error(`Invalid argument: permissionType (${permission})`);
    this.file.access = access;
    this.file.permission = permission;
    this.store.logSharing({ fileId: this.file.id, action: 'setSharing', access, permission, by: this.rt.user });
  }
}
