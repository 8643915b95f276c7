import { z } from './zod';

/**
 * The named checks that set a claim line's confidence band, as data. The engine runs one small
 * predicate per id (src/engine/confidence/checks.ts); a line starts at the band its code rule
 * allows and is lowered to the band of every check that fires. Each fired check becomes a review
 * reason with its words in the note and, where it fits, the neutral question to ask the surgeon.
 * Bands were set from first-run blind results (test/blind/README.md), not from tuned sets.
 */
export const CheckSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]+$/),
  band: z.enum(['medium', 'low']),
  /** Plain words for the coder; {detail} is filled by the check. */
  text: z.string().min(20),
  question: z.string().optional(),
  /**
   * The check names a missing fact that decides between codes: the line is withheld and the note
   * abstains on that fact, offering the candidate codes (never a guess at any band).
   */
  withhold: z.enum(['arrays']).optional(),
  source: z.string(),
});
export type Check = z.infer<typeof CheckSchema>;

const DESIGN = 'shared/design/device-ledger.md §6 (checks for confidence)';
const CAL = 'OpNote Coder convention, calibrated on first-run blind sets (test/blind/README.md)';

const RAW: Check[] = [
  { id: 'ledger-unexplained-act', band: 'medium', text: 'A sentence of the narrative reports device work that the reading could not tie to a device: {detail}.', question: 'Which device does this sentence refer to, and what was done to it?', source: DESIGN },
  { id: 'ledger-units', band: 'medium', text: 'The unit count ({detail}) does not match the number of leads the device story leaves in.', question: 'How many leads were left in at the end of the procedure?', source: DESIGN },
  { id: 'ledger-action', band: 'medium', text: 'What the device story shows ({detail}) does not match the line\'s action.', question: 'Was the device already in the patient, and was it placed, revised, replaced or removed today?', source: DESIGN },
  { id: 'header-disagrees', band: 'medium', text: 'The header lists codes the narrative does not support ({detail}); the line follows the narrative.', question: 'Please confirm the procedure performed; the header and the narrative disagree.', source: 'test/fixtures/README.md convention 12 (the narrative decides)' },
  { id: 'target-contested', band: 'medium', text: 'The note names more than one stimulation target ({detail}); the code depends on which system was worked on.', question: 'Which system (nerve or site) was the device work on?', source: CAL },
  { id: 'several-systems', band: 'medium', text: 'The claim has codes for more than one kind of system ({detail}); check that each line is for work done today.', source: CAL },
  { id: 'brand-target', band: 'medium', text: 'A device named in the note ({detail}) belongs to a different system than the line\'s code.', question: 'Which system was implanted or worked on?', source: 'src/kb/device-catalogue.ts' },
  { id: 'staged-session', band: 'medium', text: 'The note describes a staged procedure ({detail}); check which parts were done in this session and whether 58 applies.', question: 'Which parts were placed in this session, which in the earlier stage, and on what date was the earlier stage?', source: 'test/fixtures/README.md convention 8; ' + CAL },
  { id: 'staff-modifiers', band: 'medium', text: 'Another surgeon or an assistant is named ({detail}); 62, 80, 82 and AS depend on who did which part.', question: 'Who performed which part of the procedure, and was a qualified resident available?', source: 'test/fixtures/README.md convention 11; ' + CAL },
  { id: 'extra-work', band: 'medium', text: 'The note describes extra or reduced work ({detail}); 22 or 52 depends on it being documented for this code.', question: 'Was the work substantially more (or less) than usual, by how much, and why?', source: 'test/fixtures/README.md convention 10; ' + CAL },
  { id: 'system-parts', band: 'medium', text: 'This code depends on which parts of the system were worked on ({detail}).', question: 'Which parts (stimulation lead, sensing lead, generator) were placed, replaced or removed?', source: 'shared/domain/neurostimulator-coding.md (system codes); ' + CAL },
  { id: 'approach-changed', band: 'medium', text: 'The approach changed or an attempt was abandoned during the procedure ({detail}); the code follows what was finally done.', question: 'Which approach was used for the device left in (percutaneous or open)?', source: CAL },
  { id: 'dbs-recording', band: 'medium', text: 'Deep-brain lead codes depend on microelectrode recording; the note\'s words on recording are: {detail}.', question: 'Was microelectrode recording performed during lead placement?', source: 'shared/domain/neurostimulator-coding.md §1c' },
  { id: 'array-count-unstated', band: 'medium', withhold: 'arrays', text: 'A deep-brain generator code depends on how many arrays it drives (one, or two and more), and the note states no number, no second side, no "both" or "single" and no lead placed today: it would be {detail}.', question: 'How many leads (extensions) are connected to the new generator: one, or two?', source: 'shared/domain/neurostimulator-coding.md (61885 one array, 61886 two or more)' },
  { id: 'array-units-unstated', band: 'medium', withhold: 'arrays', text: 'This code is reported once per array, and the note writes the leads as {detail} with no number anywhere: the unit count cannot be read.', question: 'How many leads (arrays) were placed and left in?', source: 'test/fixtures/README.md convention 3 (63650, 64555, 64561 and 64597 count arrays) and the missing-fact convention (query, never guess)' },
  { id: 'ledger-target', band: 'medium', text: 'A device worked on today is read as part of another system ({detail}) than the line\'s code: check which system each piece of work belongs to.', question: 'Which system (spinal, sacral, peripheral, ...) does each device worked on today belong to?', source: DESIGN },
  { id: 'approach-inferred', band: 'medium', text: 'The code depends on the approach, and the note does not state it; it was taken as {detail}.', question: 'Was the device placed percutaneously (through a needle) or through an open incision?', source: 'shared/domain/neurostimulator-coding.md §2 (approach decides the code)' },
  { id: 'target-weak', band: 'medium', text: 'The stimulation system was inferred from indirect words ({detail}), not named.', question: 'Which stimulation system (nerve or site) was worked on?', source: CAL },
  { id: 'documentation-gap', band: 'low', text: 'The code names documentation the note does not give: {detail}', question: 'Was a pocket made or opened for the generator, and was the array connected to it?', source: 'src/kb/codes.ts requires (pocket, connection); shared/domain/neurostimulator-coding.md §2' },
  { id: 'line-warning', band: 'medium', text: 'An earlier stage lowered this line: {detail}', source: 'src/engine/edits (NCCI edits, add-on rules) and src/engine/decide' },
  { id: 'side-missing', band: 'medium', text: 'This code takes a side (LT or RT, or 50 where allowed), and the reading found no side for today\'s work{detail}.', question: 'On which side was the device placed or worked on?', source: 'shared/domain/neurostimulator-coding.md §8 (side on sided codes); test/fixtures/README.md convention 1' },
  { id: 'long-dictation', band: 'medium', text: 'Long dictation ({detail}); first-run blind sets show long notes are read wrongly more often, so read the narrative once.', source: CAL },
];

export const CONFIDENCE_CHECKS: readonly Check[] = RAW.map((c) => CheckSchema.parse(c));
export const CHECK_BY_ID: ReadonlyMap<string, Check> = new Map(CONFIDENCE_CHECKS.map((c) => [c.id, c]));
