/** A property holding one JSON value: read back as null when it is missing or cannot be parsed. */
import type { Properties } from './ports';

/** The parsed value of `key`, or null when it is missing or not JSON. */
export function readJson<T>(properties: Properties, key: string): T | null {
  const json = properties.getProperty(key);
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** Saves `value` as JSON under `key`. */
export function writeJson(properties: Properties, key: string, value: unknown): void {
  properties.setProperty(key, JSON.stringify(value));
}
