/**
 * Duration cells count from 1899-12-30 00:00 in the spreadsheet's time zone, with that
 * zone's offset of 1899 (Kolkata's +05:21:10, New York's -05:00): a typed 1:30 reads
 * back as 90 minutes in every zone once measured from durationEpochMs.
 */
import { parseHours } from '../../src/core/quantities';
import type { Services } from '../../src/services/ports';
import { zoneFormatter } from '../../src/services/zone-clock';
import { durationEpochMs } from '../../src/sheets/duration-epoch';
import { emulatedApps } from '../../harness/emulated';

/** The clock of a workbook in `timeZone`, the only port durationEpochMs uses. */
function clockIn(timeZone: string, utilities: GoogleAppsScript.Utilities.Utilities): Services {
  return { formatDate: zoneFormatter(timeZone, (time, pattern) => utilities.formatDate(new Date(time), timeZone, pattern)) } as Services;
}

describe('durationEpochMs', () => {
  it.each(['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata'])('reads a typed 1:30 as 90 minutes in %s', (timeZone) => {
    const { emu, spreadsheet } = emulatedApps({ timeZone });
    const cell = spreadsheet.getSheets()[0].getRange('A1');
    cell.setValue('1:30');
    const epoch = durationEpochMs(clockIn(timeZone, emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities));
    expect(parseHours(cell.getValue(), epoch)).toEqual({ ok: true, value: 90 });
    expect((cell.getValue() as Date).getTime() - epoch).toBe(90 * 60000);
  });

  it('is midnight of 1899-12-30 in the zone, seconds of its historic offset included', () => {
    const { emu } = emulatedApps();
    const utilities = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    expect(durationEpochMs(clockIn('UTC', utilities))).toBe(Date.UTC(1899, 11, 30));
    expect(durationEpochMs(clockIn('Asia/Kolkata', utilities))).toBe(Date.UTC(1899, 11, 30) - (5 * 3600 + 21 * 60 + 10) * 1000);
    expect(durationEpochMs(clockIn('America/New_York', utilities))).toBe(Date.UTC(1899, 11, 30) + 5 * 3600 * 1000);
  });
});
