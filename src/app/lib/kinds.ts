import type { FactKind } from '../../engine/types';

/** The fact kinds the evidence view colours, in legend order. */
export const HIGHLIGHT_KINDS = [
  'target',
  'component',
  'approach',
  'action',
  'pocket',
  'connection',
  'imaging',
  'side',
] as const;

export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number] | 'other';

export function highlightKind(kind: FactKind): HighlightKind {
  return (HIGHLIGHT_KINDS as readonly string[]).includes(kind) ? (kind as HighlightKind) : 'other';
}

export const KIND_LABEL: Record<HighlightKind, string> = {
  target: 'Target nerve / site',
  component: 'Device component',
  approach: 'Approach',
  action: 'Action',
  pocket: 'Pocket',
  connection: 'Connection',
  imaging: 'Imaging',
  side: 'Side',
  other: 'Other finding',
};

/**
 * Classes per kind. Written out in full so Tailwind finds them. Colour is never the only
 * signal: each mark also carries its kind in `title` and `data-kind`, and the legend names them.
 */
export const KIND_CLASS: Record<HighlightKind, string> = {
  target: 'bg-blue-200/60 border-blue-600 dark:bg-blue-900/60 dark:border-blue-300',
  component: 'bg-violet-200/60 border-violet-600 dark:bg-violet-900/60 dark:border-violet-300',
  approach: 'bg-amber-200/60 border-amber-600 dark:bg-amber-900/60 dark:border-amber-300',
  action: 'bg-emerald-200/60 border-emerald-600 dark:bg-emerald-900/60 dark:border-emerald-300',
  pocket: 'bg-rose-200/60 border-rose-600 dark:bg-rose-900/60 dark:border-rose-300',
  connection: 'bg-cyan-200/60 border-cyan-600 dark:bg-cyan-900/60 dark:border-cyan-300',
  imaging: 'bg-lime-200/60 border-lime-600 dark:bg-lime-900/60 dark:border-lime-300',
  side: 'bg-fuchsia-200/60 border-fuchsia-600 dark:bg-fuchsia-900/60 dark:border-fuchsia-300',
  other: 'bg-stone-200/60 border-stone-500 dark:bg-stone-800 dark:border-stone-400',
};
