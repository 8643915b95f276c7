import type { Span } from '../types';

/** The kinds of hardware the ledger tracks. A paddle is an array with `form: 'paddle'`. */
export type DeviceKind = 'array' | 'generator' | 'integrated' | 'sensor' | 'extension' | 'external';

/** What can be done to one device instance in this session. */
export type ActKind =
  | 'placed'
  | 'anchored'
  | 'revised'
  | 'putBack'
  | 'removed'
  | 'discarded'
  | 'replaced'
  | 'connected'
  | 'disconnected'
  | 'tunneled'
  | 'leftInPlace';

/** Whether an act counts as done today. */
export type ActStatus = 'done' | 'negated' | 'historical' | 'planned';

/** One clause: a stretch of a sentence with (usually) one act. */
export interface Clause {
  index: number;
  sentence: number;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  /** The sentence describes this session's work. */
  work: boolean;
}

/** A phrase that names a device (or refers back to one). */
export interface Mention extends Span {
  id: number;
  clause: number;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  kind: DeviceKind | 'pronoun';
  form?: 'paddle' | 'percutaneous';
  /** 'new' opens an instance; 'old' names a device already in the patient; 'definite' refers back. */
  determiner: 'new' | 'old' | 'definite' | 'bare';
  /** Number of devices named ("two leads", "both leads"): 1 for a singular, 0 for a plural with no number ("the leads"). */
  count: number;
  /** "all" for "both/the leads" (every open instance), otherwise a number when stated. */
  plural: 'all' | 'stated' | null;
  ordinal?: number;
  side?: 'left' | 'right';
  /** Named with an indefinite article or "another" ("a new lead"), not bare ("New lead anchored") or definite. */
  indefinite?: boolean;
  /** A position word that tells devices of one kind apart ("the proximal electrode", "the upper lead"). */
  place?: string;
  level?: string;
  brand?: string;
  target?: string;
  historical: boolean;
  /** Named with "new", "another", "additional" or "replacement" (not just "a"). */
  fresh: boolean;
  /** Named in a negated phrase ("no generator was placed"): it refers to nothing in the patient. */
  negated: boolean;
  /** Named only as a place or partner ("connected to the generator", "into the pocket"). */
  oblique: boolean;
}

export interface Act {
  act: ActKind;
  status: ActStatus;
  clause: number;
  evidence: Span[];
  /** For "connected": the instance ids it was joined to. */
  partners?: string[];
}

export type FinalState =
  | 'new-left-in'
  | 'new-discarded'
  | 'pre-removed'
  | 'pre-replaced'
  | 'pre-revised'
  | 'pre-kept'
  | 'external'
  | 'mentioned';

export interface DeviceInstance {
  id: string;
  kind: DeviceKind;
  form?: 'paddle' | 'percutaneous';
  /** Ordinal among instances of the same kind (Lead 1, Lead 2). */
  number: number;
  target?: string;
  side?: 'left' | 'right';
  place?: string;
  level?: string;
  brand?: string;
  /** In the patient before this session. */
  preExisting: boolean;
  /** How the instance was first named: as new, as old, or with nothing to tell. */
  openedAs: 'new' | 'old' | 'unknown';
  /** Some mention calls it "new", "another", "additional" or "replacement". */
  fresh: boolean;
  mentions: number[];
  acts: Act[];
  state: FinalState;
  evidence: Span[];
}

export interface PocketAct {
  act: 'created' | 'opened' | 'revised';
  status: ActStatus;
  evidence: Span[];
}

export interface Ledger {
  clauses: Clause[];
  mentions: Mention[];
  instances: DeviceInstance[];
  pockets: PocketAct[];
  /** Work clauses with a done device act that no instance took (the reading could not place it). */
  unexplained: Span[];
  /** Words that say this session is the second stage of a staged implant. */
  secondStage: Span[];
  /** Counts the note states ("two leads were placed", "Number of leads: 2"). */
  statedArrayCounts: { n: number; evidence: Span }[];
}
