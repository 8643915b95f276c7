import type { Analysis, Suggestion } from '../../engine/types';

/** "64590-RT" — the code with its modifiers joined by '-'. */
export function lineCode(s: Pick<Suggestion, 'code' | 'modifiers'>): string {
  return [s.code, ...s.modifiers.map((m) => m.code)].join('-');
}

/** "64590-RT x1" */
export function claimLine(s: Pick<Suggestion, 'code' | 'modifiers' | 'units'>): string {
  return `${lineCode(s)} x${s.units}`;
}

/** All claim lines, one per line, in the order shown. */
export function claimLinesText(a: Analysis): string {
  return a.suggestions.map(claimLine).join('\n');
}

/** The claim lines as JSON: what a billing system or a script would want. */
export function claimLinesJson(a: Analysis): string {
  return JSON.stringify(
    {
      inScope: a.inScope,
      ...(a.inScope ? {} : { outOfScopeReason: a.outOfScopeReason ?? null }),
      lines: a.suggestions.map((s) => ({
        code: s.code,
        units: s.units,
        modifiers: s.modifiers.map((m) => m.code),
        description: s.description,
        confidence: s.confidence,
        reasons: s.reasons.map((r) => r.text),
      })),
      warnings: a.warnings.map((w) => w.message),
      questions: a.questions.map((q) => q.text),
    },
    null,
    2,
  );
}
