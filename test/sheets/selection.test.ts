/** The rows selected in Time entries, or a coded refusal saying where to select. */
import { memoryPorts } from '../../harness/ports';
import { selectedRows } from '../../src/sheets/selection';

describe('selectedRows', () => {
  it('gives the selected data rows of Time entries, without the header', () => {
    const { emu } = memoryPorts();
    const sheet = emu.spreadsheet.getSheetByName('Time entries')!;
    emu.spreadsheet.setActiveSheet(sheet);
    sheet.getRange('A1:B3').activate();
    expect(selectedRows(emu.spreadsheet)).toEqual({ ok: true, value: [2, 3] });
  });

  it('refuses a selection elsewhere with the code no-selection', () => {
    const { emu } = memoryPorts();
    emu.spreadsheet.getSheetByName('Credits')!.getRange('A2').activate();
    expect(selectedRows(emu.spreadsheet)).toMatchObject({ ok: false, refusal: { code: 'no-selection' } });
  });
});
