/**
 * §1 Faults. Apps Script can stop a script between any two writes (the 6-minute limit,
 * quotas). For every mutating operation and every k, the emulator stops the operation
 * just before its (k+1)-th write; the operation is then run again, and the workbook must
 * end exactly where an uninterrupted run ends: the same log rows counted by content,
 * statuses, balances, invoices and their numbers, Drive files and their contents, shares
 * and mail, with no invariant broken.
 */
import { describeError, failed, verdict, type CaseResult } from './cases';
import { OPERATIONS, type Operation } from './operations';
import type { TrustSize } from './size';
import { BASE, VARIANTS, type Variant } from './trust-workbook';
import { invariantBreaks, stateDifferences, workbookState } from './workbook-state';

function isStop(error: unknown): boolean {
  return (error as Error)?.name === 'ScriptStopped';
}

/** The fault cases of one operation on one variant: one per write its uninterrupted run makes. */
export function operationFaultCases(operation: Operation, variant: Variant): CaseResult[] {
  const label = `${operation.name} (${variant.name})`;
  const reference = operation.prepare(variant);
  const before = reference.emu.faults.writes;
  try {
    operation.run(reference);
  } catch (error) {
    return [failed('fault', operation.name, `${label} uninterrupted`, `the uninterrupted run failed: ${describeError(error)}`)];
  }
  const writes = reference.emu.faults.writes - before;
  if (writes === 0) return [failed('fault', operation.name, `${label} uninterrupted`, 'the scenario gives the operation nothing to write')];
  const expected = workbookState(reference);
  const referenceBreaks = invariantBreaks(reference);
  if (referenceBreaks.length) return [failed('fault', operation.name, `${label} uninterrupted`, referenceBreaks.join('; '))];
  const results: CaseResult[] = [];
  for (let k = 0; k < writes; k++) {
    const addon = operation.prepare(variant);
    const broken: string[] = [];
    addon.emu.faults.stopAfterWrites(k);
    try {
      operation.run(addon);
    } catch (error) {
      if (!isStop(error)) broken.push(`the stopped run failed with ${describeError(error)} instead of stopping`);
    }
    addon.emu.faults.clear();
    try {
      operation.run(addon);
      broken.push(...stateDifferences(expected, workbookState(addon)), ...invariantBreaks(addon));
    } catch (error) {
      broken.push(`the re-run failed: ${describeError(error)}`);
    }
    results.push(verdict('fault', operation.name, `${label} stopped after ${k} of ${writes} writes`, broken));
  }
  return results;
}

/** Every operation stopped at every write, on the variants the size asks for. */
export function faultCases(size: TrustSize, operations: readonly Operation[] = OPERATIONS): CaseResult[] {
  const variants = size.faultVariants === 'all' ? VARIANTS : [BASE];
  return operations.flatMap((operation) => variants.flatMap((variant) => operationFaultCases(operation, variant)));
}
