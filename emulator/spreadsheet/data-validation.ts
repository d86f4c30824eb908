/**
 * Data validation: SpreadsheetApp.newDataValidation() builder, the DataValidation rule object and
 * the DataValidationCriteria enum. Rules are stored on cells and move with them.
 * Like Apps Script, writes made by a script are not checked against the rules.
 */
import { GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import type { ValidationRule } from './model';

/** Criteria set by each builder method; VALUE_IN_LIST/RANGE get showDropdown=true by default. */
const REQUIREMENTS = {
  requireCheckbox: 'CHECKBOX',
  requireDate: 'DATE_IS_VALID_DATE',
  requireDateAfter: 'DATE_AFTER',
  requireDateBefore: 'DATE_BEFORE',
  requireDateBetween: 'DATE_BETWEEN',
  requireDateEqualTo: 'DATE_EQUAL_TO',
  requireDateNotBetween: 'DATE_NOT_BETWEEN',
  requireDateOnOrAfter: 'DATE_ON_OR_AFTER',
  requireDateOnOrBefore: 'DATE_ON_OR_BEFORE',
  requireFormulaSatisfied: 'CUSTOM_FORMULA',
  requireNumberBetween: 'NUMBER_BETWEEN',
  requireNumberEqualTo: 'NUMBER_EQUAL_TO',
  requireNumberGreaterThan: 'NUMBER_GREATER_THAN',
  requireNumberGreaterThanOrEqualTo: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  requireNumberLessThan: 'NUMBER_LESS_THAN',
  requireNumberLessThanOrEqualTo: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  requireNumberNotBetween: 'NUMBER_NOT_BETWEEN',
  requireNumberNotEqualTo: 'NUMBER_NOT_EQUAL_TO',
  requireTextContains: 'TEXT_CONTAINS',
  requireTextDoesNotContain: 'TEXT_DOES_NOT_CONTAIN',
  requireTextEqualTo: 'TEXT_EQUAL_TO',
  requireTextIsEmail: 'TEXT_IS_VALID_EMAIL',
  requireTextIsUrl: 'TEXT_IS_VALID_URL',
  requireValueInList: 'VALUE_IN_LIST',
  requireValueInRange: 'VALUE_IN_RANGE',
} as const;

const WITH_DROPDOWN = new Set<string>(['VALUE_IN_LIST', 'VALUE_IN_RANGE']);

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries([...Object.values(REQUIREMENTS), 'DATE_IS_VALID_DATE', 'TEXT_NOT_EQUAL_TO'].map((name) => [name, name])),
);

export const CHECKBOX = 'CHECKBOX';

/** The checkbox rule insertCheckboxes() sets. */
export function checkboxRule(values: unknown[]): ValidationRule {
  return { criteria: CHECKBOX, values, allowInvalid: true, helpText: null };
}

/** The [checked, unchecked] values of a checkbox rule. */
export function checkboxStates(rule: ValidationRule): [unknown, unknown] {
  if (rule.values.length === 0) return [true, false];
  if (rule.values.length === 1) return [rule.values[0], ''];
  return [rule.values[0], rule.values[1]];
}

export class DataValidation extends GasObject {
  constructor(
    rt: Runtime,
    readonly _rule: ValidationRule,
  ) {
    super(rt, 'DataValidation');
  }

  getCriteriaType(): string {
    return this._rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this._rule.values];
  }

  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this._rule.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rt, this._rule);
  }
}

type Requirements = { [K in keyof typeof REQUIREMENTS]: (...args: unknown[]) => DataValidationBuilder };

// The require* methods are generated from REQUIREMENTS below.
export interface DataValidationBuilder extends Requirements {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the generated require* methods
export class DataValidationBuilder extends GasObject {
  private rule: ValidationRule;

  constructor(rt: Runtime, from?: ValidationRule) {
    super(rt, 'DataValidationBuilder');
    this.rule = from ?? { criteria: '', values: [], allowInvalid: true, helpText: null };
  }

  withCriteria(criteria: string, args: unknown[]): DataValidationBuilder {
    this.rule = { ...this.rule, criteria, values: [...args] };
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid: !!allowInvalid };
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.values];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  build(): DataValidation {
    if (!this.rule.criteria) throw new Error('You must specify a data validation criteria.');
    return new DataValidation(this.rt, this.rule);
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rt, this.rule);
  }
}

for (const [method, criteria] of Object.entries(REQUIREMENTS)) {
  Object.defineProperty(DataValidationBuilder.prototype, method, {
    value(this: DataValidationBuilder, ...args: unknown[]) {
      const values = WITH_DROPDOWN.has(criteria) && args.length < 2 ? [...args, true] : args;
      return this.withCriteria(criteria, values);
    },
    writable: true,
    configurable: true,
  });
}
