import { createStore, useStore } from 'zustand';
import type { CaseLine, TeachingCase } from './cases';

/** A trainee's pick for one code. */
export interface Pick {
  code: string;
  units: number;
  modifiers: string[];
}

export interface LineResult {
  code: string;
  picked: boolean;
  unitsOk: boolean;
  modifiersOk: boolean;
  expected: CaseLine;
  given?: Pick;
}

export interface CaseResult {
  caseId: string;
  points: number;
  max: number;
  lines: LineResult[];
  /** Codes picked that are not in the answer. */
  extra: string[];
}

/** Split "rt, 58 LT" into ["RT", "58", "LT"]. */
export function parseModifiers(s: string): string[] {
  return s
    .split(/[\s,;]+/)
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Score a trainee's picks: per expected line, 1 point for the code, 1 for the units, 1 for the
 * modifiers (only when the code was picked); each extra code costs 1 point (never below 0).
 */
export function scoreCase(c: TeachingCase, picks: Pick[]): CaseResult {
  const lines: LineResult[] = c.answer.map((expected) => {
    const given = picks.find((p) => p.code === expected.code);
    return {
      code: expected.code,
      picked: !!given,
      unitsOk: !!given && given.units === expected.units,
      modifiersOk: !!given && sameSet(given.modifiers, expected.modifiers),
      expected,
      ...(given ? { given } : {}),
    };
  });
  const extra = picks.map((p) => p.code).filter((code) => !c.answer.some((a) => a.code === code));
  const raw = lines.reduce((n, l) => n + (l.picked ? 1 + Number(l.unitsOk) + Number(l.modifiersOk) : 0), 0) - extra.length;
  return { caseId: c.id, points: Math.max(0, raw), max: c.answer.length * 3, lines, extra };
}

interface SessionState {
  results: Record<string, CaseResult>;
  record(r: CaseResult): void;
  reset(): void;
}

/** The session score: in memory only, gone on reload, never persisted. */
export const trainerSession = createStore<SessionState>()((set) => ({
  results: {},
  record: (r) => set((s) => ({ results: { ...s.results, [r.caseId]: r } })),
  reset: () => set({ results: {} }),
}));

export function resetTrainerSession(): void {
  trainerSession.getState().reset();
}

export function useTrainerSession<T>(selector: (s: SessionState) => T): T {
  return useStore(trainerSession, selector);
}

export function sessionTotals(results: Record<string, CaseResult>) {
  const all = Object.values(results);
  return {
    answered: all.length,
    points: all.reduce((n, r) => n + r.points, 0),
    max: all.reduce((n, r) => n + r.max, 0),
  };
}
