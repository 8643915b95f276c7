/**
 * UI state (zustand): the note, what the user is pointing at, theme, dialogs.
 * Engine results never live here; they come from react-query keyed by the note text.
 * One store per <WorkspaceStoreProvider>, so every test gets a fresh one.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { Span } from '../../engine/types';

export type ThemePref = 'system' | 'light' | 'dark';

/** A reason (or why-not line) the user hovers, focuses or pins. */
export interface FocusedReason {
  id: string;
  spans: Span[];
}

export interface CopyRecord {
  kind: 'lines' | 'json';
  text: string;
  ok: boolean;
  at: number;
}

export interface WorkspaceState {
  text: string;
  /** Id of the sample the text came from, until the user edits it. */
  sampleId: string | null;
  /** Reason under the pointer or keyboard focus. */
  hovered: FocusedReason | null;
  /** Reason pinned by a click; shown when nothing is hovered. */
  pinned: FocusedReason | null;
  /** Highlight the user clicked in the evidence view. */
  selectedSpan: { start: number; end: number } | null;
  theme: ThemePref;
  helpOpen: boolean;
  /** Show developer details (token counts, timings, internal names); off by default. */
  devDetails: boolean;
  lastCopy: CopyRecord | null;
  setText(text: string, sampleId?: string | null): void;
  setHovered(r: FocusedReason | null): void;
  togglePinned(r: FocusedReason): void;
  selectSpan(s: { start: number; end: number } | null): void;
  setTheme(t: ThemePref): void;
  cycleTheme(): void;
  setHelpOpen(open: boolean): void;
  setDevDetails(on: boolean): void;
  setLastCopy(c: CopyRecord): void;
}

const NEXT_THEME: Record<ThemePref, ThemePref> = { system: 'light', light: 'dark', dark: 'system' };

export function createWorkspaceStore(initial?: Partial<Pick<WorkspaceState, 'text' | 'theme'>>) {
  return createStore<WorkspaceState>()(
    persist(
      (set) => ({
        text: initial?.text ?? '',
        sampleId: null,
        hovered: null,
        pinned: null,
        selectedSpan: null,
        theme: initial?.theme ?? 'system',
        helpOpen: false,
        devDetails: false,
        lastCopy: null,
        setText: (text, sampleId = null) =>
          set({ text, sampleId, hovered: null, pinned: null, selectedSpan: null }),
        setHovered: (hovered) => set({ hovered }),
        togglePinned: (r) => set((s) => ({ pinned: s.pinned?.id === r.id ? null : r })),
        selectSpan: (selectedSpan) => set({ selectedSpan }),
        setTheme: (theme) => set({ theme }),
        cycleTheme: () => set((s) => ({ theme: NEXT_THEME[s.theme] })),
        setHelpOpen: (helpOpen) => set({ helpOpen }),
        setDevDetails: (devDetails) => set({ devDetails }),
        setLastCopy: (lastCopy) => set({ lastCopy }),
      }),
      {
        name: 'opnote-coder:ui',
        // Only display settings are remembered. The note is patient text and stays in memory.
        partialize: (s) => ({ theme: s.theme, devDetails: s.devDetails }),
        storage: createJSONStorage(() => globalThis.localStorage),
      },
    ),
  );
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

const StoreContext = createContext<WorkspaceStore | null>(null);

export function WorkspaceStoreProvider({ store, children }: { store?: WorkspaceStore; children: ReactNode }) {
  const [s] = useState(() => store ?? createWorkspaceStore());
  return <StoreContext.Provider value={s}>{children}</StoreContext.Provider>;
}

export function useWorkspaceStore(): WorkspaceStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useWorkspace needs a <WorkspaceStoreProvider>');
  return s;
}

export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(useWorkspaceStore(), selector);
}
