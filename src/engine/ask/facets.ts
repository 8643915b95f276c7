import { CONCEPTS } from '../../kb/concepts';
import type { CodeRef } from '../../kb/reference/index';
import { patternWords, terms } from './terms';

/**
 * The four things that decide between codes of the family — target, component, approach and
 * action — read from a question with the knowledge base's own trigger phrases (kb/concepts.ts),
 * and the same four for a code (kb/reference). Retrieval uses them to re-rank BM25 hits: a code
 * that matches what the question names goes up, one that contradicts it goes down.
 */
export type Dimension = 'target' | 'component' | 'approach' | 'action';
export type Facets = Record<Dimension, Set<string>>;

const DIMENSIONS: Dimension[] = ['target', 'component', 'approach', 'action'];
const USED = /^(target|component|approach|action)\.(spinal|sacral|peripheral|gastric|vagus|hypoglossal|intracranial|neuromuscular|tibial|array|paddle|generator|integrated|system|sensor|needle|percutaneous|laminectomy|open|laparoscopic|stereotactic|insertion|removal|replacement|revision)$/;

interface Trigger {
  dim: Dimension;
  value: string;
  /** All these terms must be in the question. */
  all: string[];
}

let triggers: Trigger[] | null = null;

function getTriggers(): Trigger[] {
  if (triggers) return triggers;
  const out: Trigger[] = [];
  for (const c of CONCEPTS) {
    if (!USED.test(c.id)) continue;
    const [dim, value] = c.id.split('.') as [Dimension, string];
    for (const p of c.patterns) {
      if (p.includes('/') || p.includes('~')) continue;
      const parts = p.split(/\s+/).filter((x) => x && x !== '-');
      if (parts.length === 1) {
        for (const alt of patternWords(p)) {
          const t = terms(alt);
          if (t.length === 1) out.push({ dim, value, all: t });
        }
      } else if (parts.length === 2 && parts.every((x) => !x.includes('|'))) {
        const t = terms(parts.join(' '));
        if (t.length === 2) out.push({ dim, value, all: t });
      }
    }
  }
  // The component "array" triggers (lead, electrode) are too common in generator questions to
  // count as a contradiction of "generator"; they still count as a match.
  triggers = out;
  return out;
}

export function emptyFacets(): Facets {
  return { target: new Set(), component: new Set(), approach: new Set(), action: new Set() };
}

/** What the question names, from its search terms. */
export function questionFacets(queryTerms: string[]): Facets {
  const have = new Set(queryTerms);
  const f = emptyFacets();
  for (const t of getTriggers()) if (t.all.every((x) => have.has(x))) f[t.dim].add(t.value);
  return f;
}

const TARGET: Record<string, string> = { 'cranial-nerve': 'vagus' };
const COMPONENT: Record<string, string[]> = {
  array: ['array'], paddle: ['paddle', 'array'], generator: ['generator'], 'array-and-generator': ['array', 'generator', 'system'],
  system: ['system', 'sensor', 'generator', 'array'], integrated: ['integrated', 'array'], needle: ['needle'], none: [],
};
const APPROACH: Record<string, string[]> = {
  percutaneous: ['percutaneous'], open: ['open'], laminotomy: ['laminectomy', 'open'], laparoscopic: ['laparoscopic'], stereotactic: ['stereotactic'], any: [], none: [],
};
const ACTION: Record<string, string[]> = {
  insertion: ['insertion'], 'insertion-or-replacement': ['insertion', 'replacement'], 'revision-or-replacement': ['revision', 'replacement'],
  'revision-or-removal': ['revision', 'removal'], removal: ['removal'], treatment: [], analysis: [], 'analysis-programming': [],
};

/** A code's own target, component, approach and action, in the question's vocabulary. */
export function codeFacets(ref: CodeRef): Facets {
  return {
    target: new Set(ref.target.map((t) => TARGET[t] ?? t)),
    component: new Set(COMPONENT[ref.component] ?? []),
    approach: new Set(APPROACH[ref.approach] ?? []),
    action: new Set(ACTION[ref.action] ?? []),
  };
}

/**
 * Multiplier for a code's BM25 score: up for each dimension the question names and the code
 * has, down for each it names and the code lacks (an "any" approach never contradicts).
 */
export function facetFactor(q: Facets, ref: CodeRef): number {
  const c = codeFacets(ref);
  let factor = 1;
  for (const dim of DIMENSIONS) {
    if (!q[dim].size || !c[dim].size) continue;
    let hit = false;
    for (const v of q[dim]) if (c[dim].has(v)) hit = true;
    if (hit) factor *= 1.3;
    else if (dim === 'component' && q.component.has('array') && q.component.size > 1) factor *= 1;
    else factor *= 0.7;
  }
  // A question that names no action ("a paddle lead") is about placing it.
  if (!q.action.size && c.action.has('insertion')) factor *= 1.15;
  return factor;
}

export function describeFacets(f: Facets): string {
  return DIMENSIONS.filter((d) => f[d].size)
    .map((d) => `${d}: ${[...f[d]].join('/')}`)
    .join('; ');
}
