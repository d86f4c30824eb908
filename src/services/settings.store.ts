/**
 * Settings live as one JSON document in the document properties, so every user of the
 * workbook shares them and a change is one write.
 */
import type { Refusal, Result } from '../core/result';
import { changeSettings, mergeSettings, parseStoredSettings, type Settings } from '../core/settings';
import type { Services } from './ports';

const KEY = 'prepaidTime.settings';

export function loadSettings(services: Services): Settings {
  return parseStoredSettings(services.documentProperties().getProperty(KEY));
}

export function storeSettings(services: Services, change: Record<string, unknown>): Settings {
  const next = mergeSettings(loadSettings(services), change);
  services.documentProperties().setProperty(KEY, JSON.stringify(next));
  return next;
}

/** Saves a change a person asked for, or refuses it whole (`invalid-settings`) and writes nothing. */
export function storeSettingsChange(services: Services, change: Record<string, unknown>): Result<Settings, Refusal<'invalid-settings'>> {
  const next = changeSettings(loadSettings(services), change);
  if (next.ok) services.documentProperties().setProperty(KEY, JSON.stringify(next.value));
  return next;
}
