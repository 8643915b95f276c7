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

export const SHORTCUT_DOCS: ShortcutDoc[] = [
  { keys: ['?'], label: 'Open this help (outside the note editor)' },
  { keys: ['Ctrl', 'Shift', 'C'], label: 'Copy the claim lines as text' },
  { keys: ['Ctrl', 'Shift', 'Y'], label: 'Copy the claim lines as JSON' },
  { keys: ['Ctrl', 'Shift', 'L'], label: 'Switch theme: system → light → dark' },
  { keys: ['Alt', '1'], label: 'Go to the note editor' },
  { keys: ['Alt', '2'], label: 'Go to the evidence view' },
  { keys: ['Alt', '3'], label: 'Go to the claim lines' },
  { keys: ['←', '→'], label: 'Move between highlights in the evidence view' },
  { keys: ['Enter'], label: 'On a highlight: show which reasons use it. On a reason: pin its highlights' },
  { keys: ['Esc'], label: 'Close this dialog, clear the selected highlight and pinned reason' },
  { keys: ['Ctrl', 'P'], label: 'Print the one-page summary' },
];

/** Map a key event to an action. `inEditor` is true while typing in a field. */
export function matchShortcut(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  inEditor: boolean,
): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && e.shiftKey && !e.altKey) {
    if (key === 'c') return 'copy-lines';
    if (key === 'y') return 'copy-json';
    if (key === 'l') return 'theme';
  }
  if (e.altKey && !mod) {
    if (e.code === 'Digit1' || key === '1') return 'focus-note';
    if (e.code === 'Digit2' || key === '2') return 'focus-evidence';
    if (e.code === 'Digit3' || key === '3') return 'focus-claims';
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
