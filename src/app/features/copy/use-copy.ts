import { useCallback } from 'react';
import type { Analysis } from '../../../engine/types';
import { claimLinesCsv, claimLinesJson, claimLinesText } from '../../lib/claim-lines';
import { downloadText } from '../../lib/download';
import { useWorkspace } from '../../lib/store';
import { redact } from '../../../engine/redact';
import { usePrivacy } from '../privacy/privacy-store';

/** Write text to the clipboard; falls back to a hidden textarea and execCommand. */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path (permission denied, insecure context)
  }
  try {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

/** Copy actions for the shown analysis; the result is recorded in the store for the status line. */
export function useCopyActions(analysis: Analysis | undefined) {
  const setLastCopy = useWorkspace((s) => s.setLastCopy);
  // "Redact before copy": obvious identifiers are masked in whatever goes to the clipboard.
  const redactOn = usePrivacy((s) => s.redact);
  // tolerant of a malformed result: the workspace around the panels must never throw
  const has = (a: Analysis | undefined): a is Analysis => Array.isArray(a?.suggestions) && (a.suggestions.length > 0 || !!a.abstain);
  const canCopy = has(analysis);
  const run = useCallback(
    async (kind: 'lines' | 'json') => {
      if (!has(analysis)) return false;
      const raw = kind === 'lines' ? claimLinesText(analysis) : claimLinesJson(analysis);
      const text = redactOn ? redact(raw) : raw;
      const ok = await writeClipboard(text);
      setLastCopy({ kind, text, ok, at: Date.now() });
      return ok;
    },
    [analysis, setLastCopy, redactOn],
  );
  const downloadCsv = useCallback(() => {
    if (!has(analysis)) return;
    const raw = claimLinesCsv(analysis);
    downloadText('claim-lines.csv', redactOn ? redact(raw) : raw, 'text/csv;charset=utf-8');
  }, [analysis, redactOn]);
  return {
    canCopy,
    downloadCsv,
    copyLines: useCallback(() => run('lines'), [run]),
    copyJson: useCallback(() => run('json'), [run]),
  };
}

export type CopyActions = ReturnType<typeof useCopyActions>;
