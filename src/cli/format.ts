import type { Analysis } from '../engine/types';

/**
 * The CLI's JSON line for one note. This shape is a contract other tools rely on:
 * fields may be added, never removed or renamed.
 */
export function toJsonLine(file: string, a: Analysis, note?: string): Record<string, unknown> {
  return {
    file,
    inScope: a.inScope,
    ...(a.outOfScopeReason ? { outOfScopeReason: a.outOfScopeReason } : {}),
    ...(a.abstain ? { abstain: a.abstain } : {}),
    suggestions: a.suggestions.map((s) => ({
      code: s.code,
      units: s.units,
      modifiers: s.modifiers.map((m) => ({ code: m.code, reasons: m.reasons })),
      confidence: s.confidence,
      description: s.description,
      reasons: s.reasons,
      unitReasons: s.unitReasons ?? [],
      alternatives: s.alternatives,
      warnings: s.warnings ?? [],
      reviewReasons: s.reviewReasons ?? [],
      status: s.status ?? (s.confidence === 'high' && !s.reviewReasons?.length ? 'ready' : 'review'),
    })),
    facts: a.facts,
    warnings: note ? [{ kind: 'input', message: note }, ...a.warnings] : a.warnings,
    questions: a.questions,
    events: a.events,
    devices: a.devices,
    headerCodes: a.headerCodes,
    stats: a.stats,
  };
}

/** Claim line as a coder writes it: 64590-RT x1. */
export function claimLine(s: { code: string; units: number; modifiers: { code: string }[] }): string {
  return `${[s.code, ...s.modifiers.map((m) => m.code)].join('-')} x${s.units}`;
}

export function toReport(file: string, a: Analysis): string {
  const out: string[] = [`== ${file}`];
  if (!a.inScope) out.push(`  ${a.outOfScopeReason ?? 'No neurostimulator code applies.'}`);
  else if (a.abstain && !a.suggestions.length) out.push(`  No code yet: ${a.abstain.message} Ask: ${a.abstain.question}`);
  for (const s of a.suggestions) {
    out.push(`  ${claimLine(s)}  (${s.confidence})  ${s.description}`);
    for (const r of s.reasons) out.push(`      - ${r.text}${r.evidence.length ? `  [${r.evidence.map((e) => JSON.stringify(e.text)).join(', ')}]` : ''}`);
    for (const m of s.modifiers) for (const r of m.reasons) out.push(`      ${m.code}: ${r.text}`);
    for (const alt of s.alternatives) out.push(`      not ${alt.code}: ${alt.whyNot}`);
    for (const w of s.warnings ?? []) out.push(`      ! ${w}`);
  }
  for (const w of a.warnings) out.push(`  ! ${w.message}`);
  for (const q of a.questions) out.push(`  ? ${q.text}`);
  return out.join('\n');
}
