/**
 * Privacy settings: keep history on this device (off by default) and redact identifiers in
 * anything copied or exported (off by default). Only the settings themselves are remembered
 * (localStorage), and only once one of them is switched on: with both off nothing is stored.
 * One store per page, so other features (e.g. batch export) can read the redact choice.
 */
import { createStore, useStore } from 'zustand';

export interface PrivacyState {
  keepHistory: boolean;
  redact: boolean;
  setKeepHistory(on: boolean): void;
  setRedact(on: boolean): void;
  reset(): void;
}

export const PRIVACY_KEY = 'opnote-coder:privacy';
/** The note in progress, kept for a reload only when history is on. */
export const DRAFT_KEY = 'opnote-coder:draft';

function load(): Pick<PrivacyState, 'keepHistory' | 'redact'> {
  try {
    const raw = globalThis.localStorage?.getItem(PRIVACY_KEY);
    if (!raw) return { keepHistory: false, redact: false };
    const v = JSON.parse(raw) as Partial<PrivacyState>;
    return { keepHistory: v.keepHistory === true, redact: v.redact === true };
  } catch {
    return { keepHistory: false, redact: false };
  }
}

function save(s: Pick<PrivacyState, 'keepHistory' | 'redact'>): void {
  try {
    if (!s.keepHistory && !s.redact) globalThis.localStorage?.removeItem(PRIVACY_KEY);
    else globalThis.localStorage?.setItem(PRIVACY_KEY, JSON.stringify({ keepHistory: s.keepHistory, redact: s.redact }));
  } catch {
    // storage refused (private mode, quota): the setting still holds for this page
  }
}

export const privacyStore = createStore<PrivacyState>()((set, get) => ({
  ...load(),
  setKeepHistory: (keepHistory) => {
    set({ keepHistory });
    save(get());
  },
  setRedact: (redact) => {
    set({ redact });
    save(get());
  },
  reset: () => {
    set({ keepHistory: false, redact: false });
    save(get());
  },
}));

export function usePrivacy<T>(selector: (s: PrivacyState) => T): T {
  return useStore(privacyStore, selector);
}

/** Re-read the settings from storage (tests, or after another tab changed them). */
export function reloadPrivacySettings(): void {
  privacyStore.setState(load());
}
