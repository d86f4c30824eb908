/**
 * PropertiesService: script properties (one store), document properties (one per document) and
 * user properties (one per user). Values are strings; Apps Script's size limits are enforced.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

type Store = Map<string, string>;

/** All property stores of one emulator. */
export class PropertyStores {
  readonly script: Store = new Map();
  private readonly documents = new Map<string, Store>();
  private readonly users = new Map<string, Store>();

  document(documentId: string): Store {
    return getOrCreate(this.documents, documentId);
  }

  user(email: string): Store {
    return getOrCreate(this.users, email);
  }
}

function getOrCreate(stores: Map<string, Store>, key: string): Store {
  let store = stores.get(key);
  if (!store) {
    store = new Map();
    stores.set(key, store);
  }
  return store;
}

function size(store: Store): number {
  let total = 0;
  for (const [k, v] of store) total += Buffer.byteLength(k) + Buffer.byteLength(v);
  return total;
}

export class Properties extends GasObject {
  constructor(
    rt: Runtime,
    private readonly store: Store,
  ) {
    super(rt, 'Properties', new Set(['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties']));
  }

  private put(key: string, value: unknown): void {
    const text = String(value);
    if (Buffer.byteLength(text) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    this.store.set(String(key), text);
  }

  private checkQuota(): void {
    if (size(this.store) > MAX_STORE_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): Properties {
    const previous = this.store.get(String(key));
    this.put(key, value);
    try {
      this.checkQuota();
    } catch (error) {
      if (previous === undefined) this.store.delete(String(key));
      else this.store.set(String(key), previous);
      throw error;
    }
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    const before = new Map(this.store);
    try {
      if (deleteAllOthers) this.store.clear();
      for (const [k, v] of Object.entries(properties)) this.put(k, v);
      this.checkQuota();
    } catch (error) {
      this.store.clear();
      for (const [k, v] of before) this.store.set(k, v);
      throw error;
    }
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteProperty(key: string): Properties {
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }
}

export class PropertiesService extends GasObject {
  constructor(
    rt: Runtime,
    private readonly stores: PropertyStores,
  ) {
    super(rt, 'PropertiesService');
  }

  getScriptProperties(): Properties {
    return new Properties(this.rt, this.stores.script);
  }

  /** The active document's properties, or null when there is no active document. */
  getDocumentProperties(): Properties | null {
    const id = this.rt.activeSpreadsheetId;
    return id ? new Properties(this.rt, this.stores.document(id)) : null;
  }

  getUserProperties(): Properties {
    return new Properties(this.rt, this.stores.user(this.rt.user));
  }
}
