/**
 * Protected ranges and sheets (Range.protect(), Sheet.protect()) and the edit check writes go through.
 *
 * As in Sheets, a new protection lets everyone who can edit the file keep editing until its list of
 * editors is changed (an editor added or removed, or domain editing set); from then on only the owner
 * and the listed editors may write, unless the protection is warning-only. Neither the owner nor the
 * user running the script can be removed from the editors, and only someone who may edit the
 * protected cells may change the protection itself.
 */
import { GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import { User } from '../users';
import type { Area, ProtectionModel, SheetModel, SpreadsheetModel } from './model';
import { makeRange, type Range } from './range';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

export const PROTECTED_EDIT_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export const PROTECTION_CHANGE_ERROR = 'You do not have permission to change this protection.';

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function domainOf(email: string): string {
  return email.split('@')[1] ?? '';
}

function mayEdit(p: ProtectionModel, ss: SpreadsheetModel, user: string): boolean {
  if (p.warningOnly || !p.restricted || user === ss.owner || p.editors.has(user)) return true;
  return p.domainEdit && domainOf(user) === domainOf(ss.owner);
}

/** Throws Apps Script's error when `user` may not write `area` (null = the sheet's structure). */
export function assertCanEdit(ss: SpreadsheetModel, sheet: SheetModel, area: Area | null, user: string): void {
  for (const p of ss.protections) {
    if (p.sheet !== sheet || mayEdit(p, ss, user)) continue;
    if (p.type === 'SHEET') {
      if (area && p.unprotected.some((u) => contains(u, area))) continue;
      throw new Error(PROTECTED_EDIT_ERROR);
    }
    if (area === null || (p.area && overlaps(p.area, area))) throw new Error(PROTECTED_EDIT_ERROR);
  }
}

/** Adds a protection to the spreadsheet and returns its facade. */
export function protect(rt: Runtime, ss: SpreadsheetModel, sheet: SheetModel, area: Area | null): Protection {
  const model: ProtectionModel = {
    id: rt.ids.int(),
    type: area ? 'RANGE' : 'SHEET',
    sheet,
    area,
    description: '',
    warningOnly: false,
    restricted: false,
    editors: new Set([ss.owner, rt.user].filter(Boolean)),
    domainEdit: false,
    unprotected: [],
  };
  ss.protections.push(model);
  return new Protection(rt, ss, model);
}

const PROTECTION_WRITES = new Set([
  'setWarningOnly',
  'setDescription',
  'remove',
  'addEditor',
  'addEditors',
  'removeEditor',
  'removeEditors',
  'setDomainEdit',
  'setUnprotectedRanges',
  'setRange',
]);

export class Protection extends GasObject {
  constructor(
    rt: Runtime,
    private readonly ss: SpreadsheetModel,
    readonly _model: ProtectionModel,
  ) {
    super(rt, 'Protection', PROTECTION_WRITES);
  }

  /** Sheets refuses a change to a protection from someone who may not edit what it protects. */
  _assertMayChange(): void {
    if (!mayEdit(this._model, this.ss, this.rt.user)) throw new Error(PROTECTION_CHANGE_ERROR);
  }

  getProtectionType(): string {
    return this._model.type;
  }

  getRange(): Range {
    const sheet = this._model.sheet;
    const area = this._model.area ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return makeRange(this.rt, this.ss, sheet, area);
  }

  setRange(range: Range): Protection {
    this._assertMayChange();
    this._model.area = { ...range._area };
    return this;
  }

  getDescription(): string {
    return this._model.description;
  }

  setDescription(description: string): Protection {
    this._assertMayChange();
    this._model.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this._assertMayChange();
    this._model.warningOnly = !!warningOnly;
    return this;
  }

  canEdit(): boolean {
    return mayEdit(this._model, this.ss, this.rt.user);
  }

  canDomainEdit(): boolean {
    return this._model.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this._assertMayChange();
    this._model.domainEdit = !!editable;
    this._model.restricted = true;
    return this;
  }

  getEditors(): User[] {
    return [...this._model.editors].map((email) => new User(this.rt, email));
  }

  addEditor(user: string | User): Protection {
    this._assertMayChange();
    this._model.editors.add(typeof user === 'string' ? user : user.getEmail());
    this._model.restricted = true;
    return this;
  }

  addEditors(emails: string[]): Protection {
    this._assertMayChange();
    for (const email of emails) this._model.editors.add(email);
    this._model.restricted = true;
    return this;
  }

  removeEditor(user: string | User): Protection {
    return this.removeEditors([typeof user === 'string' ? user : user.getEmail()]);
  }

  removeEditors(users: (string | User)[]): Protection {
    this._assertMayChange();
    for (const user of users) {
      const email = typeof user === 'string' ? user : user.getEmail();
      if (email !== this.ss.owner && email !== this.rt.user) this._model.editors.delete(email);
    }
    this._model.restricted = true;
    return this;
  }

  getUnprotectedRanges(): Range[] {
    return this._model.unprotected.map((area) => makeRange(this.rt, this.ss, this._model.sheet, area));
  }

  setUnprotectedRanges(ranges: Range[]): Protection {
    this._assertMayChange();
    if (this._model.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on sheet protections.');
    this._model.unprotected = ranges.map((r) => ({ ...r._area }));
    return this;
  }

  remove(): void {
    this._assertMayChange();
    this.ss.protections = this.ss.protections.filter((p) => p !== this._model);
  }
}
