/**
 * ScriptApp: installable triggers with the editor add-on rules (at most one time-driven trigger per
 * user per document, never more often than hourly), trigger listing and deletion, and the enums.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventType = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
export const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDay = enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);

export const TOO_MANY_TIME_TRIGGERS = 'This add-on has created too many time-based triggers in this document for this Google user account.';
export const TOO_FREQUENT_TRIGGER = 'Add-ons cannot create time-based triggers that run more frequently than once per hour.';

export interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  readonly user: string;
  /** The document the trigger belongs to (add-on triggers are per document). */
  readonly documentId: string;
  readonly eventType: string;
  readonly source: string;
  readonly sourceId: string | null;
  readonly schedule: Readonly<Record<string, unknown>>;
}

/** Every installed trigger of one emulator. */
export class TriggerStore {
  triggers: TriggerRecord[] = [];
}

export class Trigger extends GasObject {
  constructor(
    rt: Runtime,
    readonly _record: TriggerRecord,
  ) {
    super(rt, 'Trigger');
  }

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getUniqueId(): string {
    return this._record.id;
  }

  getEventType(): string {
    return this._record.eventType;
  }

  getTriggerSource(): string {
    return this._record.source;
  }

  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

function install(rt: Runtime, store: TriggerStore, record: Omit<TriggerRecord, 'id' | 'user' | 'documentId'>): Trigger {
  const documentId = rt.activeSpreadsheetId;
  const user = rt.user;
  if (record.eventType === EventType.CLOCK) {
    const schedule = record.schedule;
    if (schedule.everyMinutes !== undefined) throw new Error(TOO_FREQUENT_TRIGGER);
    if (['everyHours', 'everyDays', 'everyWeeks', 'at', 'after'].every((key) => schedule[key] === undefined)) {
      throw new Error('The time-based trigger needs a schedule (everyHours, everyDays, everyWeeks, at or after) before create().');
    }
    if (store.triggers.some((t) => t.eventType === EventType.CLOCK && t.user === user && t.documentId === documentId)) {
      throw new Error(TOO_MANY_TIME_TRIGGERS);
    }
  }
  const full: TriggerRecord = { ...record, id: String(rt.ids.int()), user, documentId };
  store.triggers.push(full);
  return new Trigger(rt, full);
}

class ClockTriggerBuilder extends GasObject {
  private readonly schedule: Record<string, unknown> = {};

  constructor(
    rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {
    super(rt, 'ClockTriggerBuilder', new Set(['create']));
  }

  private set(key: string, value: unknown): ClockTriggerBuilder {
    this.schedule[key] = value;
    return this;
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    return this.set('everyMinutes', n);
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: everyHours (${n}); it must be an integer of at least 1.`);
    return this.set('everyHours', n);
  }

  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: everyDays (${n})`);
    return this.set('everyDays', n);
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    return this.set('everyWeeks', n);
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`Invalid argument: hour (${hour})`);
    return this.set('atHour', hour);
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    return this.set('nearMinute', minute);
  }

  onWeekDay(day: string): ClockTriggerBuilder {
    return this.set('onWeekDay', day);
  }

  at(date: Date): ClockTriggerBuilder {
    return this.set('at', new Date(date.getTime()));
  }

  after(milliseconds: number): ClockTriggerBuilder {
    return this.set('after', milliseconds);
  }

  inTimezone(timeZone: string): ClockTriggerBuilder {
    return this.set('timeZone', timeZone);
  }

  create(): Trigger {
    return install(this.rt, this.store, {
      handler: this.handler,
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: null,
      schedule: { ...this.schedule },
    });
  }
}

class DocumentTriggerBuilder extends GasObject {
  private eventType = '';

  constructor(
    rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly source: string,
    private readonly sourceId: string,
  ) {
    super(rt, 'SpreadsheetTriggerBuilder', new Set(['create']));
  }

  private on(eventType: string): DocumentTriggerBuilder {
    this.eventType = eventType;
    return this;
  }

  onOpen(): DocumentTriggerBuilder {
    return this.on(EventType.ON_OPEN);
  }

  onEdit(): DocumentTriggerBuilder {
    return this.on(EventType.ON_EDIT);
  }

  onChange(): DocumentTriggerBuilder {
    return this.on(EventType.ON_CHANGE);
  }

  onFormSubmit(): DocumentTriggerBuilder {
    return this.on(EventType.ON_FORM_SUBMIT);
  }

  create(): Trigger {
    if (!this.eventType) throw new Error('The trigger needs an event type (onOpen, onEdit, ...) before create().');
    return install(this.rt, this.store, { handler: this.handler, eventType: this.eventType, source: this.source, sourceId: this.sourceId, schedule: {} });
  }
}

class TriggerBuilder extends GasObject {
  constructor(
    rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {
    super(rt, 'TriggerBuilder');
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.rt, this.store, this.handler);
  }

  forSpreadsheet(spreadsheet: string | { getId(): string }): DocumentTriggerBuilder {
    const id = typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId();
    return new DocumentTriggerBuilder(this.rt, this.store, this.handler, TriggerSource.SPREADSHEETS, id);
  }

  forDocument(document: string | { getId(): string }): DocumentTriggerBuilder {
    const id = typeof document === 'string' ? document : document.getId();
    return new DocumentTriggerBuilder(this.rt, this.store, this.handler, TriggerSource.DOCUMENTS, id);
  }
}

class AuthorizationInfo extends GasObject {
  constructor(rt: Runtime) {
    super(rt, 'AuthorizationInfo');
  }

  getAuthorizationStatus(): string {
    return 'NOT_REQUIRED';
  }

  getAuthorizationUrl(): string | null {
    return null;
  }
}

export class ScriptApp extends GasObject {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = enumOf(['REQUIRED', 'NOT_REQUIRED']);
  readonly InstallationSource = enumOf(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']);

  constructor(
    rt: Runtime,
    private readonly store: TriggerStore,
  ) {
    super(rt, 'ScriptApp', new Set(['deleteTrigger']));
  }

  getScriptId(): string {
    return '1EmulatedScriptId000000000000000000000000000000000000';
  }

  getOAuthToken(): string {
    return 'ya29.emulated-oauth-token';
  }

  getAuthorizationInfo(): AuthorizationInfo {
    return new AuthorizationInfo(this.rt);
  }

  getInstallationSource(): string {
    return 'NONE';
  }

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.rt, this.store, String(functionName));
  }

  /** The current user's triggers of this script, in every document. */
  getProjectTriggers(): Trigger[] {
    return this.store.triggers.filter((t) => t.user === this.rt.user).map((t) => new Trigger(this.rt, t));
  }

  /** The current user's triggers belonging to one document. */
  getUserTriggers(document: { getId(): string }): Trigger[] {
    const id = document.getId();
    return this.store.triggers.filter((t) => t.user === this.rt.user && (t.documentId === id || t.sourceId === id)).map((t) => new Trigger(this.rt, t));
  }

  deleteTrigger(trigger: Trigger): void {
    const id = trigger.getUniqueId();
    this.store.triggers = this.store.triggers.filter((t) => t.id !== id);
  }
}
