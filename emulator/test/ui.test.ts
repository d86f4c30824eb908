import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from './fixture';

describe('Ui, toasts, selection and HtmlService', () => {
  it('records menus, alerts, prompts and toasts', () => {
    const { SpreadsheetApp, emu } = setup();
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('Admin').addItem('Repair', 'repair')).addToUi();
    expect(emu.ui.menus).toEqual([
      {
        title: 'Extensions',
        items: [
          { caption: 'Open sidebar', fn: 'showSidebar' },
          { caption: 'Admin > Repair', fn: 'repair' },
        ],
      },
    ]);

    expect(ui.alert('Done')).toBe(ui.Button.OK);
    emu.ui.nextAlertResponse = 'NO';
    expect(ui.alert('Delete?', 'Really delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(emu.ui.alerts).toEqual([{ prompt: 'Done' }, { title: 'Delete?', prompt: 'Really delete?' }]);
    emu.ui.nextAlertResponse = 'OK';
    emu.ui.nextPromptText = '12';
    const answer = ui.prompt('How many hours?');
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['12', 'OK']);

    emu.spreadsheet.toast('Saved', 'Prepaid Time', 5);
    expect(emu.ui.toasts).toEqual([{ message: 'Saved', title: 'Prepaid Time' }]);
  });

  it('shows sidebars read from the html directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>hi</p>');
    const { SpreadsheetApp, HtmlService, emu } = setup({ htmlDir: dir });
    const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Prepaid Time').setWidth(300);
    SpreadsheetApp.getUi().showSidebar(output);
    expect(emu.ui.sidebars).toEqual([{ title: 'Prepaid Time', html: '<p>hi</p>' }]);
    expect(output.getWidth()).toBe(300);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(/No HTML file named Missing/);
    expect(HtmlService.createHtmlOutput('<b>x</b>').append('y').getContent()).toBe('<b>x</b>y');
  });

  it('exposes the selection set by the test', () => {
    const { SpreadsheetApp, emu } = setup();
    emu.spreadsheet.insertSheet('Log');
    emu.setSelection('Log', ['A2:B3', 'D5']);
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Log');
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A2:B3');
    expect(
      SpreadsheetApp.getActiveSpreadsheet()
        .getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:B3', 'D5']);
    expect(emu.spreadsheet.getSelection().getActiveRangeList()!.getRanges()).toHaveLength(2);
  });

  it('manages sheets of the spreadsheet', () => {
    const { SpreadsheetApp, emu } = setup({ spreadsheetName: 'Client A' });
    const ss = emu.spreadsheet;
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    const log = ss.insertSheet('Log', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Log', 'Sheet1']);
    expect(() => ss.insertSheet('Log')).toThrow('A sheet with the name "Log" already exists. Please enter another name.');
    expect(ss.getSheetByName('Nope')).toBeNull();
    log.setName('Ledger');
    log.setFrozenRows(1);
    expect(log.getFrozenRows()).toBe(1);
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(() => ss.deleteSheet(log)).toThrow();
    const other = SpreadsheetApp.create('Report');
    expect(other.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(SpreadsheetApp.openByUrl(other.getUrl()).getName()).toBe('Report');
    expect(emu.files.get(other.getId())?.mimeType).toBe('application/vnd.google-apps.spreadsheet');
    expect(emu.files.get(ss.getId())?.name).toBe('Client A');
  });

  it('records charts', () => {
    const { sheet, emu } = setup();
    const Charts = emu.globals.Charts as typeof GoogleAppsScript.Charts;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Hours')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getOptions().get('title')).toBe('Hours');
    sheet.updateChart(stored.modify().setOption('title', 'Hours used').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Hours used');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('keeps column widths, moving them with inserted and deleted columns', () => {
    const { sheet } = setup();
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidth(2, 240).setColumnWidths(4, 2, 60);
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getColumnWidth(c))).toEqual([100, 240, 100, 60, 60, 100]);
    sheet.insertColumnsBefore(2, 1);
    expect([2, 3, 5, 6].map((c) => sheet.getColumnWidth(c))).toEqual([100, 240, 60, 60]);
    sheet.deleteColumns(1, 2);
    expect(sheet.getColumnWidth(1)).toBe(240);
    expect(() => sheet.setColumnWidth(0, 50)).toThrow(/out of bounds/);
    expect(() => sheet.setColumnWidth(sheet.getMaxColumns() + 1, 50)).toThrow(/out of bounds/);
    expect(() => sheet.setColumnWidth(1, -5)).toThrow(/not valid/);
  });

  it("gives axis titles and a legend position only to a typed builder, as Apps Script's as…Chart() does", () => {
    const { sheet, emu } = setup();
    const Charts = emu.globals.Charts as typeof GoogleAppsScript.Charts;
    const plain = sheet.newChart().addRange(sheet.getRange('A1:B5')) as unknown as Record<string, unknown>;
    expect(plain.setYAxisTitle).toBeUndefined();
    expect(plain.setLegendPosition).toBeUndefined();
    const line = sheet.newChart().addRange(sheet.getRange('A1:B5')).setPosition(1, 4, 0, 0).asLineChart();
    expect(() => line.setLegendPosition('below' as unknown as GoogleAppsScript.Charts.Position)).toThrow(/Invalid argument: position/);
    expect(() => line.setYAxisTitle(7 as unknown as string)).toThrow(/Invalid argument/);
    sheet.insertChart(line.setTitle('Balance').setXAxisTitle('Date').setYAxisTitle('Hours').setLegendPosition(Charts.Position.BOTTOM).build());
    const [stored] = sheet.getCharts();
    const options = stored.getOptions();
    expect(['title', 'hAxis.title', 'vAxis.title', 'legend.position'].map((o) => options.get(o))).toEqual(['Balance', 'Date', 'Hours', 'bottom']);
    expect(String(stored.modify().getChartType())).toBe('LINE');
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    // setOption takes the same keys.
    sheet.updateChart(stored.modify().setOption('vAxis.title', 'Hours left').build());
    expect(sheet.getCharts()[0].getOptions().get('vAxis.title')).toBe('Hours left');
  });
});
