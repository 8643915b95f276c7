/**
 * Shared types of the analysis engine. The engine is pure: no DOM, no React, no network.
 * Every offset is a UTF-16 index into the original note text, and for every span
 * `note.slice(start, end) === text` holds.
 */

/** A piece of the note, by character offsets. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Whether a mention counts as something done in this session. */
export type Assertion = 'affirmed' | 'negated' | 'historical' | 'hypothetical';

/** What part of an operative note a stretch of text belongs to (defined with the section rules in kb). */
export type { SectionKind } from '../kb/section-rules';
import type { SectionKind } from '../kb/section-rules';

export interface Section {
  kind: SectionKind;
  /** The header as written (e.g. "PROCEDURE PERFORMED:"), or null for unheaded text. */
  header: Span | null;
  /** Start of the whole section (header included). */
  start: number;
  /** Start of the body (after the header). */
  bodyStart: number;
  end: number;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased value used for matching. */
  norm: string;
  /** wink-nlp part of speech (UPOS). */
  pos: string;
  /** Index into the sentence list. */
  sentence: number;
  /**
   * True when the word is in wink's English lexicon (set for words long enough to be taken for
   * a typo). A real word is never read as a misspelt device word ("percent" is not "Percept").
   */
  lexeme?: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  section: SectionKind;
  /** Index of the section in the section list. */
  sectionIndex: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/** The tokenised note, produced once per analysis. */
export interface Doc {
  text: string;
  sections: Section[];
  sentences: Sentence[];
  tokens: Token[];
}

/** The kinds of facts the engine reads from a note. */
export type FactKind =
  | 'target'
  | 'component'
  | 'approach'
  | 'action'
  | 'pocket'
  | 'connection'
  | 'imaging'
  | 'side'
  | 'count'
  | 'generatorCount'
  | 'trial'
  | 'external'
  | 'tunnel'
  | 'discontinued'
  | 'reduced'
  | 'increasedWork'
  | 'cosurgeon'
  | 'assistant'
  | 'residentUnavailable'
  | 'returnToOr'
  | 'unrelated'
  | 'staged'
  | 'globalPeriod'
  | 'programming'
  | 'mer'
  | 'distinct'
  | 'separateSession'
  | 'outOfScope';

/** The category of an assertion cue (ConText style). */
export type CueCategory =
  | 'NEGATED_EXISTENCE'
  | 'HISTORICAL'
  | 'HYPOTHETICAL'
  | 'PSEUDO'
  | 'TERMINATE';

export interface Cue extends Span {
  category: CueCategory;
}

/** One trigger-phrase hit in the note. */
export interface ConceptMatch extends Span {
  /** Stable id within one analysis, e.g. "m12". */
  id: string;
  /** Concept id from the knowledge base, e.g. "component.generator". */
  concept: string;
  kind: FactKind;
  value: string;
  sentence: number;
  section: SectionKind;
  tokenStart: number;
  tokenEnd: number;
  assertion: Assertion;
  /** The cue that changed the assertion, when not affirmed. */
  cue?: Cue;
  /** A denial word inside the hit's own words ("pocket was not ... enlarged"): its token index. */
  deniedWithin?: number;
}

/** A fact about the session, with the spans that support it. */
export interface Fact {
  kind: FactKind;
  value: string;
  assertion: Assertion;
  /** Plain-language statement of the fact. */
  text: string;
  evidence: Span[];
  /** Why it does not count, for non-affirmed facts. */
  why?: string;
  /** A conclusion drawn from several mentions (the note's target, number of arrays, side). */
  derived?: boolean;
}

export interface Reason {
  text: string;
  evidence: Span[];
}

export interface ModifierSuggestion {
  code: string;
  reasons: Reason[];
}

export interface Alternative {
  code: string;
  whyNot: string;
  evidence?: Span[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Suggestion {
  code: string;
  units: number;
  modifiers: ModifierSuggestion[];
  confidence: Confidence;
  description: string;
  reasons: Reason[];
  alternatives: Alternative[];
  /** Reasons for the unit count. */
  unitReasons?: Reason[];
  /** Warnings that belong to this line (edits, documentation gaps). */
  warnings?: string[];
  /** The procedure event this line codes (index into `events`). */
  event?: number;
  /** Why the line needs a coder's look: each fired confidence check, with its words and question. */
  reviewReasons?: { id: string; text: string; question?: string; evidence: Span[] }[];
  /** `ready`: high confidence with nothing to check, a coder may accept it unread; `review`: read the reasons first. */
  status?: 'ready' | 'review';
}

export interface Warning {
  /** Machine-readable kind, e.g. "header-mismatch", "bundling", "documentation". */
  kind: string;
  message: string;
  codes?: string[];
  evidence?: Span[];
  source?: string;
}

/** A question the coder should ask (e.g. "consider 58 if ..."). */
export interface Question {
  modifier?: string;
  code?: string;
  text: string;
  evidence?: Span[];
}

/** One thing done (or not) to one component in the session. */
export interface ProcedureEvent {
  target: string;
  component: string;
  action: string;
  approach: string | null;
  arrays: number;
  sides: string[];
  evidence: Span[];
  /** Generators placed or replaced, when the note documents more than one (e.g. one per side). */
  generators?: number;
}

export type { DeviceRecord } from './ledger/summary';
import type { DeviceRecord } from './ledger/summary';

/**
 * The engine declines to pick a code: device work is documented but the fact that decides the code
 * is missing or contradictory. Says which fact, offers the candidate codes side by side, and the
 * neutral question to put to the surgeon.
 */
export interface Abstention {
  /** The deciding fact: which system (target), what was done (action), approach, or side. */
  fact: 'target' | 'action' | 'approach' | 'side' | 'component' | 'arrays';
  /** Plain words: what is documented and what is missing. */
  message: string;
  /** The neutral question to ask the surgeon. */
  question: string;
  /** Codes the note could support once the fact is known, each with the condition that selects it. */
  candidates: { code: string; when: string }[];
  /** The words that show device work was done. */
  evidence: Span[];
}

export interface Analysis {
  inScope: boolean;
  /** Device work found but the deciding fact missing: which fact, which candidate codes, what to ask. */
  abstain?: Abstention;
  /** Why nothing applies, when inScope is false. */
  outOfScopeReason?: string;
  suggestions: Suggestion[];
  facts: Fact[];
  warnings: Warning[];
  questions: Question[];
  events: ProcedureEvent[];
  /** The device ledger: each device of the session and what was done to it, with evidence. */
  devices: DeviceRecord[];
  matches: ConceptMatch[];
  sections: Section[];
  /** Codes the header claims (e.g. "PROCEDURE: 63685"), for comparison with the narrative. */
  headerCodes: string[];
  stats: { chars: number; tokens: number; sentences: number; ms: number; truncated: boolean };
}
