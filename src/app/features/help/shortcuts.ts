/** Keyboard shortcuts: one table drives both the handler and the help dialog. */

export type ShortcutAction =
  | 'help'
  | 'copy-lines'
  | 'copy-json'
  | 'theme'
  | 'focus-note'
  | 'focus-evidence'
  | 'focus-claims'
  | 'escape';

export interface ShortcutDoc {
  keys: string[];
  label: string;
}

/**
 * The app's own shortcuts are Alt+Shift+key (⌥⇧ on a Mac), read from the physical key
 * (`KeyboardEvent.code`) so they work on any layout and while typing in the note. Chosen
 * because no major browser uses them: Ctrl+Shift+C opens Chrome's and Edge's element
 * inspector, Ctrl+Shift+Y Firefox's downloads, Ctrl+Shift+L and Alt+digit are taken on some
 * platforms (Alt+1…8 switches tabs in Chrome and Firefox on Linux).
 */
export const SHORTCUT_KEYS = {
  copyLines: 'Alt+Shift+C',
  copyJson: 'Alt+Shift+J',
  theme: 'Alt+Shift+D',
  focusNote: 'Alt+Shift+1',
  focusEvidence: 'Alt+Shift+2',
  focusClaims: 'Alt+Shift+3',
} as const;

const keysOf = (combo: string) => combo.split('+');

export const SHORTCUT_DOCS: ShortcutDoc[] = [
  { keys: ['?'], label: 'Open this help (outside the note editor)' },
  { keys: keysOf(SHORTCUT_KEYS.copyLines), label: 'Copy the claim lines, tab-separated: CPT, Mod1–Mod4, Units, Status' },
  { keys: keysOf(SHORTCUT_KEYS.copyJson), label: 'Copy the claim lines as JSON' },
  { keys: keysOf(SHORTCUT_KEYS.theme), label: 'Switch theme: system → light → dark' },
  { keys: keysOf(SHORTCUT_KEYS.focusNote), label: 'Go to the note editor' },
  { keys: keysOf(SHORTCUT_KEYS.focusEvidence), label: 'Go to the evidence view' },
  { keys: keysOf(SHORTCUT_KEYS.focusClaims), label: 'Go to the claim lines' },
  { keys: ['←', '→'], label: 'Move between highlights in the evidence view' },
  { keys: ['Enter'], label: 'On a highlight: show which reasons use it. On a reason: pin its highlights' },
  { keys: ['Esc'], label: 'Close this dialog, clear the selected highlight and pinned reason' },
  { keys: ['Ctrl', 'P'], label: 'Print the one-page summary (the browser’s own print)' },
];

const CODE_ACTION: Record<string, ShortcutAction> = {
  KeyC: 'copy-lines',
  KeyJ: 'copy-json',
  KeyD: 'theme',
  Digit1: 'focus-note',
  Digit2: 'focus-evidence',
  Digit3: 'focus-claims',
};

/** Map a key event to an action. `inEditor` is true while typing in a field. */
export function matchShortcut(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  inEditor: boolean,
): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey && e.shiftKey && !mod) {
    const action = CODE_ACTION[e.code];
    if (action) return action;
  }
  if (!mod && !e.altKey && e.key === '?' && !inEditor) return 'help';
  if (e.key === 'Escape') return 'escape';
  return null;
}

/** Is focus in a place that takes typed characters (so single-key shortcuts stay off)? */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}
