import { z } from './zod';

/**
 * A concept: a family of trigger phrases that all mean one fact value.
 *
 * Pattern language (matched against lower-cased wink-nlp tokens, inside one sentence):
 * - words separated by spaces are consecutive tokens: `pulse generator`
 * - `a|b|c` is any of the alternatives: `ipg|generator|battery`
 * - a trailing `*` is a prefix match: `tunnel*` matches tunneled, tunnelled, tunneling
 * - `~N` lets up to N other tokens come in between: `pocket ~4 created|fashioned`
 * - `/re/` is an anchored regular expression over one token: `/^[ct]\d{1,2}$/` (keep it simple: no nesting)
 * - hyphens in a word are split like wink splits them: `re-opened` = `re - opened`
 *
 * A concept of kind `mask` is not a fact: any other hit that lies inside one of its hits is
 * dropped ("system diagnostics": "system" describes the check, not the device).
 */
export const ConceptSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[\w-]+$/i).describe('kind.value, e.g. component.generator'),
  kind: z.string().describe('the FactKind this concept feeds'),
  value: z.string(),
  label: z.string().describe('plain words for the UI, e.g. "pulse generator"'),
  patterns: z.array(z.string().min(1)).min(1),
  /** Sections where a hit does not describe work done (e.g. a target named only in the diagnosis). */
  source: z.string().default('OpNote Coder trigger list (own work)'),
});

export type Concept = z.infer<typeof ConceptSchema>;
export type ConceptInput = z.input<typeof ConceptSchema>;
