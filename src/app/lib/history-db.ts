/**
 * Opt-in history on this device: notes and their results in IndexedDB (Dexie). Nothing
 * here runs unless the user turned history on, except `historyExists` (which never creates
 * a database) and `deleteEverything`. Dexie itself is loaded on first use, in a chunk of its
 * own: history is off by default, so the first paint neither downloads nor evaluates it (its
 * module evaluation was ~30 ms of the cold load's longest main-thread task).
 */
import type { Dexie as DexieType, EntityTable } from 'dexie';

export const HISTORY_DB_NAME = 'opnote-coder-history';

export interface HistoryEntry {
  id?: number;
  createdAt: number;
  updatedAt: number;
  /** The note exactly as analysed. */
  text: string;
  chars: number;
  /** The result: claim lines ("64590-RT x1"), scope, warnings. */
  lines: string[];
  inScope: boolean;
  warnings: string[];
  /** When the engine abstained: the deciding fact the note does not give, in plain words. */
  missingFact?: string;
}

type HistoryDb = DexieType & { notes: EntityTable<HistoryEntry, 'id'> };

let db: Promise<HistoryDb> | null = null;

const loadDexie = async () => (await import('dexie')).Dexie;

function open(): Promise<HistoryDb> {
  db ??= loadDexie().then((Dexie) => {
    const d = new Dexie(HISTORY_DB_NAME) as HistoryDb;
    d.version(1).stores({ notes: '++id, updatedAt' });
    return d;
  });
  return db;
}

/** Whether a history database exists, without creating one (and without loading Dexie where the browser can list databases). */
export async function historyExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    if (typeof indexedDB.databases === 'function') return (await indexedDB.databases()).some((d) => d.name === HISTORY_DB_NAME);
    return await (await loadDexie()).exists(HISTORY_DB_NAME);
  } catch {
    return false;
  }
}

/** Add an entry (no id) or update one (with id); returns the id. */
export async function saveEntry(entry: HistoryEntry): Promise<number> {
  return (await (await open()).notes.put(entry)) as number;
}

/** All entries, newest first. */
export async function listEntries(): Promise<HistoryEntry[]> {
  return (await open()).notes.orderBy('updatedAt').reverse().toArray();
}

export async function deleteEntry(id: number): Promise<void> {
  await (await open()).notes.delete(id);
}

/** Remove the whole database. */
export async function deleteHistoryDb(): Promise<void> {
  const d = db;
  db = null;
  (await d?.catch(() => null))?.close();
  await (await loadDexie()).delete(HISTORY_DB_NAME);
}
