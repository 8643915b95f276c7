import type { Confidence } from '../../kb/reference/schema';

/** The kinds of question the answer templates know. */
export type QuestionType = 'define' | 'compare' | 'modifier' | 'bundling' | 'units' | 'payer' | 'documentation' | 'global';

export const QUESTION_TYPES: readonly QuestionType[] = ['define', 'compare', 'modifier', 'bundling', 'units', 'payer', 'documentation', 'global'];

/** One fact of an answer, with where it comes from and how sure the knowledge base is. */
export interface AnswerSection {
  /** Short topic label, e.g. "64590", "Modifier LT", "Bundling". */
  topic: string;
  text: string;
  /** Plain source name (knowledge-base source title and what it supports). */
  source: string;
  /** A web address for the source when the knowledge base has one. */
  url?: string;
  confidence: Confidence;
  /**
   * The text itself says what is and is not confirmed (an NCCI pair not checked against the
   * current quarterly table, a payer policy to verify): the view adds no confidence badge.
   */
  statedInText?: boolean;
}

export interface AnswerLink {
  label: string;
  /** Hash route: #/reference/CODE or #/compare/A,B. */
  href: string;
  kind: 'code' | 'compare';
}

/** A page near the question, shown when nothing answers it (and as "see also"). */
export interface ClosestPage {
  /** Document id: a code ("63650") or "modifier:LT". */
  id: string;
  label: string;
  href: string | null;
  score: number;
}

export interface Answer {
  question: string;
  type: QuestionType;
  /** False when the knowledge base has nothing on the question: the honest "not in our reference". */
  answered: boolean;
  /** One-line headline. */
  summary: string;
  answerText: AnswerSection[];
  /** Codes the answer is about, most relevant first. */
  codes: string[];
  /** Modifiers the answer is about. */
  modifiers: string[];
  links: AnswerLink[];
  closest: ClosestPage[];
  /** Time spent answering, in milliseconds. */
  ms: number;
}
