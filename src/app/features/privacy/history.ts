/**
 * History on this device, as the UI sees it: the saved list, the recorder that saves each
 * analysed note while history is on, the session draft, and "delete everything".
 */
import { useEffect, useRef } from 'react';
import { createStore, useStore } from 'zustand';
import { claimLine, FACT_WORDS } from '../../lib/claim-lines';
import { deleteEntry, deleteHistoryDb, historyExists, listEntries, saveEntry, type HistoryEntry } from '../../lib/history-db';
import type { AnalysedNote } from '../../lib/use-analysis';
import { useWorkspaceStore } from '../../lib/store';
import { DRAFT_KEY, privacyStore, usePrivacy } from './privacy-store';

interface HistoryListState {
  entries: HistoryEntry[];
  /** Whether anything is stored at all (the database exists). */
  stored: boolean;
  error: string | null;
}

export const historyList = createStore<HistoryListState>()(() => ({ entries: [], stored: false, error: null }));

export function useHistoryList<T>(selector: (s: HistoryListState) => T): T {
  return useStore(historyList, selector);
}

/** The entry the note on screen is being saved into (a new note starts a new entry). */
const session: { current: { id?: number; createdAt: number } | null; chain: Promise<unknown> } = {
  current: null,
  chain: Promise.resolve(),
};

/** Run storage work one step at a time, so saves and deletes never interleave. */
function serial<T>(work: () => Promise<T>): Promise<T> {
  const p = session.chain.then(work);
  session.chain = p.catch(() => undefined);
  return p;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Re-read the saved list (only touches IndexedDB when history is on or a database exists). */
export function refreshHistory(): Promise<void> {
  return serial(async () => {
    try {
      const stored = privacyStore.getState().keepHistory || (await historyExists());
      historyList.setState({ stored, entries: stored ? await listEntries() : [], error: null });
    } catch (e) {
      historyList.setState({ error: `History could not be read: ${errorText(e)}` });
    }
  });
}

/** Save (or update) the note on screen with its result. */
function record(result: AnalysedNote): Promise<void> {
  return serial(async () => {
    const now = Date.now();
    // a note already saved with exactly this text (e.g. the draft restored after a reload)
    // is continued rather than saved twice
    const same = session.current ? undefined : historyList.getState().entries.find((e) => e.text === result.text);
    const cur = session.current ?? (same?.id !== undefined ? { id: same.id, createdAt: same.createdAt } : { createdAt: now });
    session.current = cur;
    const a = result.analysis;
    try {
      cur.id = await saveEntry({
        ...(cur.id !== undefined ? { id: cur.id } : {}),
        createdAt: cur.createdAt,
        updatedAt: now,
        text: result.text,
        chars: result.text.length,
        lines: a.suggestions.map(claimLine),
        inScope: a.inScope,
        warnings: a.warnings.map((w) => w.message),
        ...(a.abstain ? { missingFact: FACT_WORDS[a.abstain.fact] } : {}),
      });
      historyList.setState({ stored: true, entries: await listEntries(), error: null });
    } catch (e) {
      historyList.setState({ error: `The note could not be saved: ${errorText(e)}` });
    }
  });
}

/** Start a new history entry for the next analysis (the note was cleared or replaced). */
export function startNewEntry(id?: number, createdAt?: number): void {
  session.current = id !== undefined ? { id, createdAt: createdAt ?? Date.now() } : null;
}

export function removeEntry(id: number): Promise<void> {
  if (session.current?.id === id) session.current = null;
  return serial(async () => {
    await deleteEntry(id);
    historyList.setState({ entries: await listEntries() });
  });
}

/** Delete every note, the session draft and the settings; history goes back to off. */
export function deleteEverything(): Promise<void> {
  session.current = null;
  privacyStore.getState().reset();
  try {
    globalThis.sessionStorage?.removeItem(DRAFT_KEY);
  } catch {
    // nothing to remove
  }
  return serial(async () => {
    try {
      await deleteHistoryDb();
      historyList.setState({ entries: [], stored: false, error: null });
    } catch (e) {
      historyList.setState({ error: `Could not delete the history: ${errorText(e)}` });
    }
  });
}

const DRAFT_DELAY_MS = 400;

/**
 * A different note replaced the old one (pasted over it) rather than an edit of it: what the
 * two texts share at the start and the end is less than half of the shorter one.
 */
export function replaced(before: string, after: string): boolean {
  if (!before.trim() || !after.trim()) return false;
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  return p + q < n / 2;
}

/**
 * While history is on: saves each analysed note (with its result) and mirrors the note in
 * sessionStorage so a reload does not lose it. With history off neither happens; the note
 * lives only in memory.
 */
export function useHistoryRecorder(result: AnalysedNote | undefined, updating: boolean): void {
  const keep = usePrivacy((s) => s.keepHistory);
  const store = useWorkspaceStore();
  const lastSaved = useRef<string | null>(null);

  // the saved list and the indicator, once at start
  useEffect(() => {
    void refreshHistory();
  }, [keep]);

  // save the current result
  useEffect(() => {
    if (!keep || !result || updating || !result.text.trim()) return;
    if (lastSaved.current === result.text && session.current) return;
    lastSaved.current = result.text;
    void record(result);
  }, [keep, result, updating]);

  // a cleared note or a new sample starts a new entry
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.text === prev.text) return;
        if (!s.text.trim() || (s.sampleId && s.sampleId !== prev.sampleId) || replaced(prev.text, s.text)) {
          startNewEntry();
          lastSaved.current = null;
        }
      }),
    [store],
  );

  // the session draft: restore once, then mirror (debounced) while history is on
  useEffect(() => {
    if (!keep) {
      try {
        globalThis.sessionStorage?.removeItem(DRAFT_KEY);
      } catch {
        // ignore
      }
      return;
    }
    try {
      const draft = globalThis.sessionStorage?.getItem(DRAFT_KEY);
      if (draft && !store.getState().text) store.getState().setText(draft);
    } catch {
      // ignore
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (text: string) => {
      try {
        if (text) globalThis.sessionStorage?.setItem(DRAFT_KEY, text);
        else globalThis.sessionStorage?.removeItem(DRAFT_KEY);
      } catch {
        // quota exceeded (a huge paste): the note is still in memory and in the history
      }
    };
    const unsub = store.subscribe((s, prev) => {
      if (s.text === prev.text) return;
      clearTimeout(timer);
      timer = setTimeout(() => write(s.text), DRAFT_DELAY_MS);
    });
    write(store.getState().text);
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, [keep, store]);
}
