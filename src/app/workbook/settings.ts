/**
 * Reading and changing the workbook's settings. Everyone may read them; only authorizers
 * may change them, and a change may not remove the last authorizer.
 */
import { authorizerRefusal } from '../../core/permissions';
import type { Result } from '../../core/result';
import type { Settings } from '../../core/settings';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { loadSettings, storeSettingsChange } from '../../services/settings.store';

export function getSettings(services: Services): Settings {
  return loadSettings(services);
}

export function saveSettings(services: Services, change: Record<string, unknown>): Result<Settings> {
  if (!change || typeof change !== 'object' || Array.isArray(change)) throw new Error('saveSettings needs an object of settings to change.');
  return withDocumentLock(services, () => {
    const denied = authorizerRefusal(services.userEmail(), loadSettings(services).authorizers);
    if (denied) return { ok: false, refusal: denied };
    return storeSettingsChange(services, change);
  });
}
