import { ask, retrieve } from './ask';
import type { QuestionType } from './types';

/** One question of test/fixtures/questions.json. */
export interface AskCase {
  id: string;
  question: string;
  type: QuestionType;
  /** The entry retrieval should rank first; null for questions the knowledge base cannot answer. */
  top: string | null;
  answered: boolean;
  /** Phrases the answer (text, sources, links) must contain, case-insensitive. */
  facts: string[];
}

export interface CaseResult {
  id: string;
  question: string;
  rank: number | null;
  typeOk: boolean;
  answeredOk: boolean;
  factsFound: number;
  factsTotal: number;
  missing: string[];
  ms: number;
}

export interface AskEval {
  cases: CaseResult[];
  /** Over answerable questions with an expected top entry. */
  top1: number;
  top3: number;
  /** The same, on questions that name no code, modifier or device (BM25 alone decides). */
  retrievalOnly: { n: number; top1: number; top3: number };
  typeAccuracy: number;
  answeredAccuracy: number;
  factCoverage: number;
  maxMs: number;
  meanMs: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function evaluateAsk(cases: AskCase[]): AskEval {
  const results: CaseResult[] = [];
  let rOnlyN = 0;
  let rOnly1 = 0;
  let rOnly3 = 0;
  for (const c of cases) {
    const r = retrieve(c.question);
    const a = ask(c.question);
    const idx = c.top ? r.ranked.indexOf(c.top) : -1;
    const rank = c.top ? (idx >= 0 ? idx + 1 : null) : null;
    const hay = [a.summary, ...a.answerText.map((s) => `${s.text} ${s.source}`), ...a.links.map((l) => `${l.href} ${l.label}`), ...a.closest.map((p) => p.label)]
      .join('\n')
      .toLowerCase();
    const missing = c.facts.filter((f) => !hay.includes(f.toLowerCase()));
    const e = r.entities;
    if (c.top && c.answered && e.codes.length + e.modifiers.length + e.devices.length === 0) {
      rOnlyN++;
      if (rank === 1) rOnly1++;
      if (rank !== null && rank <= 3) rOnly3++;
    }
    results.push({
      id: c.id,
      question: c.question,
      rank,
      typeOk: a.type === c.type,
      answeredOk: a.answered === c.answered,
      factsFound: c.facts.length - missing.length,
      factsTotal: c.facts.length,
      missing,
      ms: a.ms,
    });
  }
  const ranked = results.filter((_, i) => cases[i].top && cases[i].answered);
  const facts = results.reduce((s, r) => s + r.factsTotal, 0);
  return {
    cases: results,
    top1: round(ranked.filter((r) => r.rank === 1).length / ranked.length),
    top3: round(ranked.filter((r) => r.rank !== null && r.rank <= 3).length / ranked.length),
    retrievalOnly: { n: rOnlyN, top1: round(rOnly1 / Math.max(1, rOnlyN)), top3: round(rOnly3 / Math.max(1, rOnlyN)) },
    typeAccuracy: round(results.filter((r) => r.typeOk).length / results.length),
    answeredAccuracy: round(results.filter((r) => r.answeredOk).length / results.length),
    factCoverage: round(results.reduce((s, r) => s + r.factsFound, 0) / Math.max(1, facts)),
    maxMs: Math.max(...results.map((r) => r.ms)),
    meanMs: round(results.reduce((s, r) => s + r.ms, 0) / results.length),
  };
}
