/**
 * Opt-in history on this device: notes and their results in IndexedDB (Dexie). Nothing
 * here runs unless the user turned history on, except `historyExists` (which never creates
 * a database) and `deleteEverything`.
 */
import Dexie, { type EntityTable } from 'dexie';

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
}

type HistoryDb = Dexie & { notes: EntityTable<HistoryEntry, 'id'> };

let db: HistoryDb | null = null;

function open(): HistoryDb {
  if (!db) {
    db = new Dexie(HISTORY_DB_NAME) as HistoryDb;
    db.version(1).stores({ notes: '++id, updatedAt' });
  }
  return db;
}

/** Whether a history database exists, without creating one. */
export async function historyExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    return await Dexie.exists(HISTORY_DB_NAME);
  } catch {
    return false;
  }
}

/** Add an entry (no id) or update one (with id); returns the id. */
export async function saveEntry(entry: HistoryEntry): Promise<number> {
  return (await open().notes.put(entry)) as number;
}

/** All entries, newest first. */
export async function listEntries(): Promise<HistoryEntry[]> {
  return open().notes.orderBy('updatedAt').reverse().toArray();
}

export async function deleteEntry(id: number): Promise<void> {
  await open().notes.delete(id);
}

/** Remove the whole database. */
export async function deleteHistoryDb(): Promise<void> {
  const d = db ?? open();
  db = null;
  d.close();
  await Dexie.delete(HISTORY_DB_NAME);
}
