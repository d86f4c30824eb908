import { setup } from './fixture';

describe('ScriptApp triggers (editor add-on rules)', () => {
  it('allows one time-driven trigger per user per document', () => {
    const { ScriptApp, emu } = setup();
    const trigger = ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    expect(trigger.getHandlerFunction()).toBe('hourly');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(() => ScriptApp.newTrigger('other').timeBased().everyHours(2).create()).toThrow(/too many time-based triggers/);
    // Another user may have their own in the same document.
    emu.execution(() => ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create(), { user: 'bob@agency.test' });
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(ScriptApp.getUserTriggers(emu.spreadsheet)).toHaveLength(1);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('daily').timeBased().atHour(6).everyDays(1).create();
  });

  it('refuses schedules more frequent than hourly', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(30).create()).toThrow(/more frequently than once per hour/);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(0)).toThrow();
  });

  it('creates spreadsheet triggers with their source id', () => {
    const { ScriptApp, emu } = setup();
    const t = ScriptApp.newTrigger('onEditHandler').forSpreadsheet(emu.spreadsheet).onEdit().create();
    expect([t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId()]).toEqual(['ON_EDIT', 'SPREADSHEETS', emu.spreadsheet.getId()]);
  });

  it('fires time-driven triggers each in its own execution, as their user, without UI', () => {
    const { ScriptApp, emu, Session, SpreadsheetApp } = setup();
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    emu.execution(() => ScriptApp.newTrigger('tick').timeBased().everyHours(4).create(), { user: 'bob@agency.test' });
    const runs: string[] = [];
    const bundle = {
      tick: (event: { authMode: string }) => {
        runs.push(`${Session.getActiveUser().getEmail()}:${event.authMode}`);
        expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      },
    };
    expect(emu.fireTimeTriggers(bundle)).toEqual(['tick', 'tick']);
    expect(runs).toEqual(['owner@agency.test:FULL', 'bob@agency.test:FULL']);
  });
});
