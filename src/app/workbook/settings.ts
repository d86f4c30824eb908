/**
 * Reading and changing the workbook's settings. Everyone may read them; only authorizers
 * may change them, and a change may not remove the last authorizer. A change of
 * authorizers updates the editors of the protected ledger sheets in the same call.
 */
import { authorizerRefusal } from '../../core/permissions';
import { ok, type Result } from '../../core/result';
import type { Settings } from '../../core/settings';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings, storeSettingsChange } from '../../services/settings.store';
import type { ProtectionReport } from '../../sheets/protections';
import { applyProtections } from './setup-sheets';

export interface SavedSettings extends Settings {
  /** How the protections followed a change of authorizers; absent when the authorizers did not change. */
  protection?: ProtectionReport;
  summary: string;
}

export function getSettings(services: Services): Settings {
  return loadSettings(services);
}

export function saveSettings(services: Services, change: Record<string, unknown>): Result<SavedSettings> {
  if (!change || typeof change !== 'object' || Array.isArray(change)) throw new Error('saveSettings needs an object of settings to change.');
  return withDocumentLock(services, () => {
    const before = loadSettings(services);
    const denied = authorizerRefusal(services.userEmail(), before.authorizers);
    if (denied) return { ok: false, refusal: denied };
    const stored = storeSettingsChange(services, change);
    if (!stored.ok) return stored;
    const saved = stored.value;
    if (saved.authorizers.join() === before.authorizers.join()) return ok({ ...saved, summary: 'Settings saved.' });
    const { report, sentence } = applyProtections(services, saved.authorizers);
    return ok({ ...saved, protection: report, summary: `Settings saved.${sentence || ' The protected sheets already had these editors.'}` });
  });
}
