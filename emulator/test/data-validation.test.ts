import { setup } from './fixture';

describe('data validation, checkboxes and protections', () => {
  it('builds rules and stores them on cells', () => {
    const { sheet, SpreadsheetApp } = setup();
    const source = sheet.getRange('Z1:Z3');
    const rule = SpreadsheetApp.newDataValidation().requireValueInRange(source, false).setAllowInvalid(false).setHelpText('Pick one').build();
    sheet.getRange('A1:A2').setDataValidation(rule);
    const stored = sheet.getRange('A2').getDataValidation()!;
    expect(stored.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE);
    expect(stored.getCriteriaValues()[1]).toBe(false);
    expect((stored.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('Z1:Z3');
    expect(stored.getAllowInvalid()).toBe(false);
    expect(stored.getHelpText()).toBe('Pick one');

    const list = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build();
    expect(list.getCriteriaValues()).toEqual([['a', 'b'], true]);
    const copy = list.copy().requireNumberBetween(1, 5).build();
    expect(copy.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build().getCriteriaValues()).toEqual([0]);

    expect(sheet.getRange('A1:B1').getDataValidations()[0][1]).toBeNull();
    sheet.getRange('A1:A2').clearDataValidations();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });

  it('insertCheckboxes sets checkbox validation and false in every cell', () => {
    const { sheet, SpreadsheetApp } = setup();
    const boxes = sheet.getRange('B1:B3');
    boxes.insertCheckboxes();
    expect(boxes.getValues()).toEqual([[false], [false], [false]]);
    expect(sheet.getLastRow()).toBe(3);
    expect(boxes.getDataValidation()?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
    expect(boxes.isChecked()).toBe(false);
    sheet.getRange('B2').check();
    expect(boxes.isChecked()).toBeNull();
    boxes.check();
    expect(boxes.isChecked()).toBe(true);
    boxes.uncheck();
    expect(boxes.getValues()).toEqual([[false], [false], [false]]);
    expect(sheet.getRange('A1:B1').isChecked()).toBeNull();
    boxes.removeCheckboxes();
    expect(boxes.getValues()).toEqual([[''], [''], ['']]);
    expect(boxes.getDataValidation()).toBeNull();
  });

  it('protects ranges and sheets and lists protections', () => {
    const { sheet, SpreadsheetApp, emu } = setup();
    const protection = sheet.getRange('A1:C1').protect().setDescription('headers').setWarningOnly(true);
    expect(protection.isWarningOnly()).toBe(true);
    expect(protection.getRange().getA1Notation()).toBe('A1:C1');
    sheet.protect().setDescription('whole');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(['headers']);
    expect(emu.spreadsheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual(['whole']);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A2:C2');
    protection.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('refuses writes by users removed from a protection unless it is warning-only', () => {
    const { sheet, emu } = setup();
    const protection = sheet.getRange('A1:A5').protect();
    protection.removeEditors(['bob@agency.test']);
    emu.execution(() => sheet.getRange('A1').setValue('owner may'));
    expect(() => emu.execution(() => sheet.getRange('A2').setValue('no'), { user: 'bob@agency.test' })).toThrow(/protected cell/);
    emu.execution(() => sheet.getRange('B2').setValue('outside'), { user: 'bob@agency.test' });
    protection.setWarningOnly(true);
    emu.execution(() => sheet.getRange('A2').setValue('warned'), { user: 'bob@agency.test' });
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['owner may', ''],
      ['warned', 'outside'],
    ]);
  });

  it('restricts a protection once its editors change; keeps the owner and the user running the script; lets only its editors change it', () => {
    const { sheet, emu } = setup();
    const placeholder = sheet.protect();
    emu.execution(() => sheet.getRange('A1').setValue('anyone, until the editors change'), { user: 'bob@agency.test' });
    emu.execution(() => placeholder.addEditors(['ann@agency.test']), { user: 'owner@agency.test' });
    expect(() => emu.execution(() => sheet.getRange('A1').setValue('no'), { user: 'bob@agency.test' })).toThrow(/protected cell/);
    emu.execution(() => sheet.getRange('A1').setValue('ann may'), { user: 'ann@agency.test' });
    // Ann runs the script: she cannot remove herself, nor the owner.
    emu.execution(() => placeholder.removeEditors(placeholder.getEditors()), { user: 'ann@agency.test' });
    expect(
      placeholder
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual(['ann@agency.test', 'owner@agency.test']);
    expect(() => emu.execution(() => placeholder.addEditor('bob@agency.test'), { user: 'bob@agency.test' })).toThrow(/permission to change this protection/);
    expect(() => emu.execution(() => placeholder.remove(), { user: 'bob@agency.test' })).toThrow(/permission to change this protection/);
  });
});
