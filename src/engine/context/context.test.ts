import { describe, expect, it } from 'vitest';
import { buildDoc } from '../nlp/nlp';
import { applyContext, compileRules, contextAxes, reachesKind, targetForSpan, type ContextResult } from './context';
import { CONDITION_KIND, CONTEXT_RULES, ContextRuleSchema } from '../../kb/context-rules';
import { CONCEPTS } from '../../kb/concepts';

/** Assertion of `word` (its n-th occurrence, 0-based) in `text`. */
function assertOf(text: string, word: string, nth = 0): ContextResult {
  const doc = buildDoc(text);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`"${word}" not in "${text}"`);
  const target = targetForSpan(doc, at, at + word.length);
  if (!target) throw new Error('no target');
  return applyContext(doc, [target])[0];
}
const a = (text: string, word: string, nth = 0): string => assertOf(text, word, nth).assertion;

/** Assertion of the first `word` in `text` when the target is of `kind` ("condition", "component", ...). */
function ak(text: string, word: string, kind: string): string {
  const doc = buildDoc(text);
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not in "${text}"`);
  const target = targetForSpan(doc, at, at + word.length);
  if (!target) throw new Error('no target');
  return applyContext(doc, [{ ...target, kind }])[0].assertion;
}
const cond = (text: string, word: string): string => ak(text, word, CONDITION_KIND);

describe('context rules (data)', () => {
  it('all rules validate and compile', () => {
    expect(CONTEXT_RULES.length).toBeGreaterThan(100);
    for (const r of CONTEXT_RULES) expect(ContextRuleSchema.safeParse(r).success).toBe(true);
    expect(() => compileRules(CONTEXT_RULES)).not.toThrow();
  });
  it('rejects a malformed rule', () => {
    expect(ContextRuleSchema.safeParse({ literal: 'no', category: 'NEGATED_EXISTENCE', direction: 'TERMINATE', source: 'x' }).success).toBe(false);
    expect(ContextRuleSchema.safeParse({ literal: 'no', category: 'NEGATED_EXISTENCE', direction: 'FORWARD' }).success).toBe(false);
    expect(ContextRuleSchema.safeParse({ literal: 'but', category: 'TERMINATE', direction: 'TERMINATE', section: true, source: 'x' }).success).toBe(false);
  });
  it('every rule names a source', () => {
    for (const r of CONTEXT_RULES) expect(['opnote', 'negex', 'medspacy', 'pycontextnlp', 'fastcontext', 'negspacy']).toContain(r.source);
  });
  it('target kinds named by rules are conditions or kinds the engine has', () => {
    const kinds = new Set([CONDITION_KIND, ...CONCEPTS.map((c) => c.kind)]);
    const named = CONTEXT_RULES.flatMap((r) => [...(r.allowedKinds ?? []), ...(r.excludedKinds ?? [])]);
    expect(named.length).toBeGreaterThan(0);
    for (const k of named) expect(kinds.has(k)).toBe(true);
  });
  it('rejects kinds on a non-trigger rule and both kind lists at once', () => {
    expect(ContextRuleSchema.safeParse({ literal: 'but', category: 'TERMINATE', direction: 'TERMINATE', allowedKinds: ['condition'], source: 'x' }).success).toBe(false);
    expect(ContextRuleSchema.safeParse({ literal: 'no', category: 'NEGATED_EXISTENCE', direction: 'FORWARD', allowedKinds: ['condition'], excludedKinds: ['component'], source: 'x' }).success).toBe(false);
    expect(ContextRuleSchema.safeParse({ literal: 'no', category: 'NEGATED_EXISTENCE', direction: 'FORWARD', allowedKinds: [], source: 'x' }).success).toBe(false);
  });
  it('a kind-limited rule reaches only its kinds', () => {
    const only = ContextRuleSchema.parse({ literal: 'resolved', category: 'NEGATED_EXISTENCE', direction: 'BACKWARD', allowedKinds: ['condition'], source: 'x' });
    const not = ContextRuleSchema.parse({ literal: 'ago', category: 'HISTORICAL', direction: 'BACKWARD', excludedKinds: ['condition'], source: 'x' });
    expect([reachesKind(only, 'condition'), reachesKind(only, 'component'), reachesKind(only, undefined)]).toEqual([true, false, false]);
    expect([reachesKind(not, 'condition'), reachesKind(not, 'component'), reachesKind(not, undefined)]).toEqual([false, true, true]);
  });
});

describe('operative-note cases', () => {
  it('"No new pocket was needed." negates the pocket', () => {
    const r = assertOf('No new pocket was needed.', 'pocket');
    expect(r.assertion).toBe('negated');
    expect(r.cue?.text).toBe('No new');
    expect(r.cue?.category).toBe('NEGATED_EXISTENCE');
  });
  it('an existing pocket is historical, opening it is affirmed', () => {
    expect(a('The existing pocket was opened.', 'pocket')).toBe('historical');
    expect(a('The existing pocket was opened.', 'opened')).toBe('affirmed');
  });
  it('"previously" reaches the component but not the action', () => {
    const t = 'The previously implanted generator was removed.';
    expect(a(t, 'generator')).toBe('historical');
    expect(a(t, 'removed')).toBe('affirmed');
    expect(a('The generator was removed and previously placed leads were left in place.', 'removed')).toBe('affirmed');
  });
  it('planned events are hypothetical', () => {
    expect(a('The patient will return for the permanent implant.', 'implant')).toBe('hypothetical');
    const t = 'If the trial is successful, a generator will be placed.';
    expect(a(t, 'generator')).toBe('hypothetical');
    expect(a(t, 'placed')).toBe('hypothetical');
  });
  it('"placed without fluoroscopy": fluoroscopy negated, placement affirmed', () => {
    const t = 'The lead was placed without fluoroscopy.';
    expect(a(t, 'fluoroscopy')).toBe('negated');
    expect(a(t, 'placed')).toBe('affirmed');
  });
  it('"without" stops at a new verb phrase', () => {
    expect(a('The lead was placed without fluoroscopy using anatomic landmarks to guide the lead.', 'lead', 1)).toBe('affirmed');
  });
  it('post-negation: "Fluoroscopy was not used."', () => {
    const r = assertOf('Fluoroscopy was not used.', 'Fluoroscopy');
    expect(r.assertion).toBe('negated');
    expect(r.cue?.text).toBe('was not used');
    expect(a('Pocket revision not needed.', 'revision')).toBe('negated');
  });
  it('"without difficulty" is not a negation', () => {
    const t = 'The lead was advanced without difficulty to T8.';
    expect(a(t, 'difficulty')).toBe('affirmed');
    expect(a(t, 'T8')).toBe('affirmed');
    expect(a('The lead was anchored without complication and the wound was closed.', 'wound')).toBe('affirmed');
  });
  it('"COMPLICATIONS: None" does not negate the next line', () => {
    const t = 'COMPLICATIONS: None\nThe pocket was created in the left buttock.';
    expect(a(t, 'pocket')).toBe('affirmed');
    expect(a(t, 'created')).toBe('affirmed');
  });
  it('": none" reaches back to its own label within a sentence', () => {
    const t = 'EBL 10 mL, transfusions: none.';
    expect(a(t, 'transfusions')).toBe('negated');
    expect(a(t, 'EBL')).toBe('affirmed');
  });
  it('"The patient denies ..." negates the complaint', () => {
    expect(a('The patient denies fever or chills.', 'chills')).toBe('negated');
  });
  it('a negation does not cross a sentence', () => {
    const t = 'There were no complications. The pocket was created.';
    expect(a(t, 'complications')).toBe('negated');
    expect(a(t, 'pocket')).toBe('affirmed');
  });
  it('"... connected, no new incision was made": connected affirmed, incision negated', () => {
    const t = 'The lead was tunneled and connected, no new incision was made.';
    expect(a(t, 'connected')).toBe('affirmed');
    expect(a(t, 'tunneled')).toBe('affirmed');
    expect(a(t, 'incision')).toBe('negated');
  });
  it('a negated clause ends at its verb', () => {
    const t = 'No pocket was created and the lead was connected to the existing generator.';
    expect(a(t, 'pocket')).toBe('negated');
    expect(a(t, 'created')).toBe('negated');
    expect(a(t, 'lead')).toBe('affirmed');
    expect(a(t, 'connected')).toBe('affirmed');
    expect(a(t, 'generator')).toBe('historical');
  });
  it('a backward negation stops at the previous clause', () => {
    const t = 'The lead was placed and fluoroscopy was not used.';
    expect(a(t, 'placed')).toBe('affirmed');
    expect(a(t, 'fluoroscopy')).toBe('negated');
  });
  it('termination: "but"', () => {
    expect(a('No hematoma was seen but the pocket was irrigated.', 'pocket')).toBe('affirmed');
    expect(a('There is no erythema but some drainage.', 'drainage')).toBe('affirmed');
  });
  it('historical time expressions', () => {
    expect(a('The generator was placed 5 years ago.', 'generator')).toBe('historical');
    expect(a('The patient is s/p spinal cord stimulator trial.', 'trial')).toBe('historical');
    expect(a('History of failed back surgery syndrome.', 'syndrome')).toBe('historical');
  });
  it('a past-history section header makes its whole body historical', () => {
    const t = 'PAST MEDICAL HISTORY:\nType 2 diabetes. Lumbar stenosis treated with a spinal cord stimulator trial.\n\nPROCEDURE:\nThe lead was placed at T8.';
    expect(a(t, 'diabetes')).toBe('historical');
    expect(a(t, 'trial')).toBe('historical');
    expect(a(t, 'lead')).toBe('affirmed');
    expect(assertOf(t, 'trial').cue?.text).toBe('PAST MEDICAL HISTORY');
    // a HISTORICAL terminator before the target in its sentence still ends the section cue
    expect(a('PAST SURGICAL HISTORY:\nL4-5 fusion. She presents today with lead migration.', 'migration')).toBe('affirmed');
  });
  it('history openers reach over long lists and past a header colon', () => {
    const list = 'Past medical history is significant for obesity, asthma, gout, migraine, anemia, depression, anxiety, glaucoma, psoriasis, eczema, hypothyroidism and sciatica.';
    expect(a(list, 'sciatica')).toBe('historical');
    expect(a('Social history: she smokes cigarettes daily.', 'cigarettes')).toBe('historical');
    expect(a('He has a medical history significant for epilepsy and migraine who presents with lead fracture.', 'migraine')).toBe('historical');
    expect(a('He has a medical history significant for epilepsy and migraine who presents with lead fracture.', 'fracture')).toBe('affirmed');
  });
  it('a calendar year dates its clause', () => {
    expect(a('The generator implanted in 2016 has reached end of battery life.', 'generator')).toBe('historical');
    expect(a('In March 2019 a paddle lead was put in by another surgeon.', 'paddle')).toBe('historical');
    expect(a('The patient has had intrathecal baclofen since 2018.', 'baclofen')).toBe('historical');
    expect(a('The lead was anchored at 2 sites.', 'lead')).toBe('affirmed');
    // a table cell ends every scope: "Removed, not replaced<TAB>pocket opened" opens the pocket
    expect(a('IPG\t--\tRemoved, not replaced\tL infraclavicular pocket opened.', 'pocket opened')).toBe('affirmed');
    // coordinated device nouns share the date, even when the tagger reads "lead" as a verb
    expect(a('Patient had a left S3 lead and IPG placed in 2016 by an outside urologist.', 'lead')).toBe('historical');
  });
  it('short illnesses, ages, comparisons and cross-references are not history', () => {
    expect(a('She reports a two-day history of wound drainage.', 'drainage')).toBe('affirmed');
    expect(a('She reports a long history of wound drainage.', 'drainage')).toBe('historical');
    expect(a("The 58-year-old patient's generator was replaced.", 'generator')).toBe('affirmed');
    expect(a('The pocket is larger than it previously was.', 'pocket')).toBe('affirmed');
    expect(a('The incision was reopened as previously described.', 'reopened')).toBe('affirmed');
    expect(a('History of diabetes with recent wound drainage.', 'drainage')).toBe('affirmed');
    expect(a('History of diabetes with recent wound drainage.', 'diabetes')).toBe('historical');
  });
  it('chronicity and re-demonstration in imaging reports', () => {
    expect(a('The small effusion is redemonstrated.', 'effusion')).toBe('historical');
    expect(a('Fibrosis is seen as sequelae of radiation therapy.', 'therapy')).toBe('historical');
  });
  it('priority: negated beats historical and hypothetical', () => {
    expect(a('No history of infection.', 'infection')).toBe('negated');
    expect(a('The generator will not be replaced.', 'replaced')).toBe('negated');
    const doc = buildDoc('No history of infection.');
    const at = doc.text.indexOf('infection');
    const [ax] = contextAxes(doc, [targetForSpan(doc, at, at + 9)!]);
    expect(ax.negated?.text).toBe('No');
    expect(ax.historical?.text).toBe('history of');
  });
  it('"as needed" / "if needed" describe technique, not a plan', () => {
    expect(a('Bipolar cautery was used as needed for hemostasis.', 'hemostasis')).toBe('affirmed');
  });
  it('"may" the month is not a plan', () => {
    expect(a('The generator was implanted in May 2019 and now it was replaced.', 'replaced')).toBe('affirmed');
  });
  it('"prior to" is an order of steps, not history', () => {
    expect(a('Prior to incision, local anesthetic was infiltrated.', 'incision')).toBe('affirmed');
  });
  it('keeps the order of targets and handles several at once', () => {
    const text = 'Fluoroscopy was not used. The old lead was removed. A generator will be placed.';
    const doc = buildDoc(text);
    const spans = ['Fluoroscopy', 'lead', 'removed', 'generator'].map((w) => {
      const i = text.indexOf(w);
      return targetForSpan(doc, i, i + w.length)!;
    });
    expect(applyContext(doc, spans).map((r) => r.assertion)).toEqual(['negated', 'historical', 'affirmed', 'hypothetical']);
    expect(applyContext(doc, [])).toEqual([]);
  });
  it('cue offsets slice the note', () => {
    const text = 'Leads placed.\nFluoroscopy was not used for the anchors.';
    const r = assertOf(text, 'Fluoroscopy');
    expect(r.cue).toBeDefined();
    expect(text.slice(r.cue!.start, r.cue!.end)).toBe(r.cue!.text);
  });
  it('an affirmed mention has no cue', () => {
    const r = assertOf('The generator was placed in a subcutaneous pocket.', 'generator');
    expect(r).toEqual({ assertion: 'affirmed' });
  });
  it('reads a contingency as hypothetical ("in case a lead revision were needed")', () => {
    expect(a('The neck was prepped into the field in case a lead revision were needed.', 'revision')).toBe('hypothetical');
    expect(a('The lead revision was needed because of migration.', 'revision')).toBe('affirmed');
  });

  it('reads a candidacy as hypothetical ("being evaluated for bilateral DBS")', () => {
    expect(a('He is now being evaluated for bilateral thalamic deep brain stimulation.', 'bilateral')).toBe('hypothetical');
    expect(a('Follow up in 3 months to discuss a new generator.', 'new')).toBe('hypothetical');
  });

  it('dates the operation named after "post" ("post laminectomy syndrome"), not "post-op" work', () => {
    expect(a('Post laminectomy syndrome with leg pain.', 'laminectomy')).toBe('historical');
    expect(a('Post-op fluoroscopy confirmed the lead position.', 'fluoroscopy')).toBe('affirmed');
    expect(a('Post placement testing showed good coverage.', 'placement')).toBe('affirmed');
  });

  it('ends a modal scope at a consequence clause (", so we converted")', () => {
    expect(a('The antrum could not be seen safely, so we converted to open surgery.', 'converted')).toBe('affirmed');
  });

  it('negates the verbs coordinated with a negated own verb', () => {
    expect(a('The tined lead was left in place and was not removed or repositioned.', 'repositioned')).toBe('negated');
    expect(a('The lead was not revised, replaced or removed.', 'replaced')).toBe('negated');
    expect(a('The lead was not removed, and the generator was replaced.', 'replaced')).toBe('affirmed');
  });

  it('stops a backward negation at a dash between two clauses, not after a short label', () => {
    expect(a('The SAME IPG was reconnected - a new generator was not needed.', 'IPG')).toBe('affirmed');
    expect(a('Fluoroscopy - not used.', 'Fluoroscopy')).toBe('negated');
  });

  it('scales linearly with note length', () => {
    const run = (steps: number) => {
      const text = Array.from({ length: steps }, (_, i) => `Step ${i}: the lead was not repositioned and no new pocket was needed, but the previously placed generator was removed.`).join('\n');
      const doc = buildDoc(text);
      const targets = doc.tokens.map((t, i) => ({ start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, sentence: t.sentence }));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const out = applyContext(doc, targets);
        best = Math.min(best, performance.now() - t0);
        expect(out).toHaveLength(targets.length);
      }
      return best;
    };
    const small = Math.max(run(50), 0.5);
    const big = run(400);
    // 8× the text: linear is ~8×, quadratic 64×; the bound leaves room for a noisy machine.
    expect(big / small).toBeLessThan(32);
  });


  it.each([
    ['Lead revision: [ ] Yes  [x] No', 'revision', 'negated'],
    ['Generator replaced: Yes [ ] No [x]', 'replaced', 'negated'],
    ['Fluoroscopy: [ ] Yes  [X] N/A', 'Fluoroscopy', 'negated'],
    ['Lead revision: [x] Yes  [ ] No', 'revision', 'affirmed'],
    ['Procedures: [ ] generator placement  [x] lead placement', 'generator', 'negated'],
    ['Procedures: [ ] generator placement  [x] lead placement', 'lead', 'affirmed'],
    ['[x] New IPG implanted     [ ] IPG replaced     [ ] No IPG this session', 'replaced', 'negated'],
    ['[ ] Paddle lead via laminotomy', 'laminotomy', 'negated'],
    ['[x] New IPG implanted     [ ] IPG replaced', 'implanted', 'affirmed'],
  ])('template check box "%s": %s is %s', (text, word, expected) => {
    expect(assertOf(text, word).assertion).toBe(expected);
  });

  it.each([
    ['The generator was not replaced.', 'replaced'],
    ['The electrodes were left in place and were not revised.', 'revised'],
    ["The lead wasn't removed.", 'removed'],
  ])('"%s": a negation ending with its own verb negates the verb', (text, word) => {
    expect(assertOf(text, word).assertion).toBe('negated');
  });

  it.each([
    ['The trial lead is to be withdrawn in the office next week.', 'withdrawn'],
    ['The lead stays for 60 days and will then be pulled in clinic.', 'pulled'],
    ['The lead is intended to remain for a few weeks and then be removed.', 'removed'],
  ])('"%s": a removal still to come is hypothetical', (text, word) => {
    expect(assertOf(text, word).assertion).toBe('hypothetical');
  });
});

// Each rule added for issue 17 with a sentence of our own (none from Chapman or Chia).
describe('negation rules (issue 17)', () => {
  it('a long symptom list after "denies" / "no" is negated to its end (conditions)', () => {
    const t = 'She denies fever, chills, night sweats, nausea, vomiting, diarrhea, constipation, cough or dysuria.';
    expect(cond(t, 'dysuria')).toBe('negated');
    expect(cond('No redness, warmth, swelling, tenderness, drainage, dehiscence, fluctuance or bruising at the pocket.', 'bruising')).toBe('negated');
    // device mentions keep the 8-word scope
    expect(ak('No anchor, suture, clip, tunneler, needle, stylet or extension kit was opened, but the generator was replaced.', 'generator', 'component')).toBe('affirmed');
  });
  it('a condition that resolved is not present; device work is not "resolved"', () => {
    expect(cond('Her leg paresthesias resolved after reprogramming.', 'paresthesias')).toBe('negated');
    expect(cond('Lumbar radiculopathy, resolved.', 'radiculopathy')).toBe('negated');
    expect(cond('Resolved cellulitis of the flank.', 'cellulitis')).toBe('negated');
    expect(cond('The pocket hematoma appears to have resolved.', 'hematoma')).toBe('negated');
    expect(cond('The seroma has resolved.', 'seroma')).toBe('negated');
    expect(ak('The impedance warning on the generator resolved after the set screw was tightened.', 'generator', 'component')).toBe('affirmed');
  });
  it('"low suspicion for", "do not believe", "no findings to suggest"', () => {
    expect(cond('There is a low suspicion for pocket infection.', 'infection')).toBe('negated');
    expect(ak('I do not believe the lead has migrated.', 'lead', 'component')).toBe('negated');
    expect(cond('No findings to suggest erosion of the device.', 'erosion')).toBe('negated');
    expect(cond('No evidence suggesting a cerebrospinal fluid leak.', 'leak')).toBe('negated');
  });
  it('"former", "quit" and "none" negate conditions, never device mentions', () => {
    expect(cond('Former smoker.', 'smoker')).toBe('negated');
    expect(cond('Tobacco: quit in 2015.', 'Tobacco')).toBe('negated');
    expect(cond('He quit smoking five years ago.', 'smoking')).toBe('negated');
    expect(cond('None pericardial effusion.', 'effusion')).toBe('negated');
    expect(ak('The former pocket was opened.', 'pocket', 'pocket')).toBe('historical');
  });
  it('a finding stated as present, or a new clause with its own subject, ends a negation', () => {
    const t = 'The culture showed no yeast and positive for staphylococcus.';
    expect(cond(t, 'yeast')).toBe('negated');
    expect(cond(t, 'staphylococcus')).toBe('affirmed');
    expect(cond('He is not tender and he is febrile.', 'febrile')).toBe('affirmed');
  });
  it('a past participle before a noun stays inside a negation ("no contrast enhanced lesion")', () => {
    expect(cond('There was no contrast enhanced lesion near the electrode.', 'lesion')).toBe('negated');
    expect(a('The lead was placed without fluoroscopy using anatomic landmarks to guide the lead.', 'lead', 1)).toBe('affirmed');
  });
});

describe('historical rules (issue 17)', () => {
  it('days ago and last week date earlier work, not a current symptom', () => {
    expect(ak('The lead I placed four days ago has migrated.', 'lead', 'component')).toBe('historical');
    expect(ak('The trial leads were placed last week.', 'leads', 'component')).toBe('historical');
    expect(cond('Wound drainage started four days ago.', 'drainage')).toBe('affirmed');
    expect(cond('She has had redness over the last week.', 'redness')).toBe('affirmed');
    expect(cond('Back pain that began two years ago.', 'pain')).toBe('historical');
    expect(cond('Headaches started three weeks ago.', 'Headaches')).toBe('historical');
  });
  it('"at that time" / "at the time of" date work, not a condition', () => {
    expect(ak('A trial was done in 2018 and the leads were placed at that time.', 'leads', 'component')).toBe('historical');
    expect(ak('At the time of his trial two leads were placed.', 'leads', 'component')).toBe('historical');
    expect(cond('She was drowsy at that time.', 'drowsy')).toBe('affirmed');
  });
  it('"X history", family history, "s/p recent"', () => {
    expect(cond('Given his seizure history, stimulation was started low.', 'seizure')).toBe('historical');
    expect(ak('Device history: the generator was replaced today.', 'Device', 'component')).toBe('affirmed');
    expect(ak('The patient requests removal\nHx of two prior revisions.', 'removal', 'action')).toBe('affirmed');
    expect(cond('Family history of colon cancer in his father.', 'cancer')).toBe('historical');
    expect(a('He is s/p recent lead revision.', 'revision')).toBe('historical');
  });
  it('an imaging finding unchanged from before is historical; the lead position checked today is not', () => {
    expect(cond('Unchanged small subdural hygroma.', 'hygroma')).toBe('historical');
    expect(ak('Lead position unchanged after anchoring.', 'Lead', 'component')).toBe('affirmed');
  });
  it('the next item of a numbered list ends a history scope; a year in parentheses does not', () => {
    const t = '1) Failed back surgery syndrome s/p fusion 2) Lumbar radiculopathy';
    expect(cond(t, 'fusion')).toBe('historical');
    expect(cond(t, 'radiculopathy')).toBe('affirmed');
    expect(cond('Status post laminectomy (revised 2021) and fusion.', 'fusion')).toBe('historical');
  });
  it('"coming in with" ends a history scope', () => {
    expect(cond('History of migraine, coming in with new neck pain.', 'neck')).toBe('affirmed');
  });
});

describe('hypothetical rules (issue 17)', () => {
  it('"if" reaches a long list of warning signs (conditions)', () => {
    const t = 'Call the office if she has fever, chills, redness, swelling, drainage, warmth, pain at the incision, numbness in the legs, new weakness, headache when upright, or loss of bladder control.';
    expect(cond(t, 'bladder')).toBe('hypothetical');
  });
  it('medication taken only when needed', () => {
    expect(cond('Oxycodone 5 mg p.r.n. pain.', 'pain')).toBe('hypothetical');
    expect(cond('Ondansetron as needed for nausea.', 'nausea')).toBe('hypothetical');
    expect(a('Bipolar cautery was used as needed for hemostasis.', 'hemostasis')).toBe('affirmed');
  });
  it('return / watch for / should you / call for (conditions); a return to the OR is an event', () => {
    expect(cond('Return with any wound drainage.', 'drainage')).toBe('hypothetical');
    expect(cond('Watch for signs of wound infection.', 'infection')).toBe('hypothetical');
    expect(cond('Should you develop a fever, call us.', 'fever')).toBe('hypothetical');
    expect(cond('Call for temperature over 101.', 'temperature')).toBe('hypothetical');
    expect(cond('Return to the ED for severe headache.', 'headache')).toBe('hypothetical');
    expect(ak('Return to the operating room was needed for hematoma evacuation.', 'evacuation', 'action')).toBe('affirmed');
    const late = 'Should she develop chest pain, shortness of breath, fainting, palpitations, leg swelling, a fever over 101, or new confusion, she is to come back.';
    expect(cond(late, 'confusion')).toBe('hypothetical');
  });
  it('risk, warnings and discharge teaching', () => {
    expect(cond('She is at risk for wound dehiscence.', 'dehiscence')).toBe('hypothetical');
    expect(cond('He was warned of hardware erosion.', 'erosion')).toBe('hypothetical');
    expect(cond('If you experience new weakness, go to the emergency room.', 'weakness')).toBe('hypothetical');
    expect(cond('We educated the patient about pocket hematoma and infection.', 'infection')).toBe('hypothetical');
    expect(cond('She was instructed on signs of lead migration.', 'migration')).toBe('hypothetical');
    expect(cond('Seek medical attention for worsening headache.', 'headache')).toBe('hypothetical');
    expect(cond('Report any clear fluid from the incision.', 'fluid')).toBe('hypothetical');
    expect(cond('Call the surgeon with redness or swelling.', 'swelling')).toBe('hypothetical');
  });
  it('recommendations, wishes and monitoring are plans', () => {
    expect(ak('We recommend conversion to a permanent implant.', 'conversion', 'action')).toBe('hypothetical');
    expect(ak('The helices were placed in the recommended order and the lead was secured.', 'secured', 'action')).toBe('affirmed');
    expect(ak('The lead was anchored as recommended.', 'anchored', 'action')).toBe('affirmed');
    expect(ak("The coils were wrapped in the manufacturer's recommended order and the lead was anchored.", 'anchored', 'action')).toBe('affirmed');
    expect(ak('He wants to proceed with a permanent implant.', 'implant', 'action')).toBe('hypothetical');
    expect(cond('She will be monitored for a CSF leak.', 'leak')).toBe('hypothetical');
    expect(cond('Nursing to monitor her for urinary retention.', 'retention')).toBe('hypothetical');
    expect(cond('We educated him about lead fracture.', 'fracture')).toBe('hypothetical');
  });
  it('"may be related to" is a possible cause, not a plan', () => {
    expect(cond('The fibrosis may be related to an old fracture.', 'fracture')).toBe('historical');
  });
});

// second round of issue 17: classes of plan / purpose phrasing (sentences of our own)
describe('hypothetical classes (issue 17, round 2)', () => {
  it('prophylaxis and purpose name what has not happened', () => {
    expect(cond('Enoxaparin was given for DVT prophylaxis.', 'DVT')).toBe('hypothetical');
    expect(cond('Cefazolin as prophylaxis against wound infection.', 'infection')).toBe('hypothetical');
    expect(cond('Therapy was consulted for ways of improving her gait instability.', 'instability')).toBe('hypothetical');
    expect(cond('The leg was elevated to reduce swelling.', 'swelling')).toBe('hypothetical');
    expect(cond('Started on a bowel regimen in order to prevent constipation.', 'constipation')).toBe('hypothetical');
    expect(cond('Diuresis was begun with the goal of relieving his dyspnea.', 'dyspnea')).toBe('hypothetical');
  });
  it('a reason clause after "as he/she was" stays present', () => {
    expect(cond('Diuresis was begun with the goal of weight loss as she was fluid overloaded.', 'overloaded')).toBe('affirmed');
  });
  it('what a plan waits on ("once", "until") is present now', () => {
    expect(cond('We plan to reimplant the stimulator once the infection has cleared.', 'infection')).toBe('affirmed');
    expect(ak('We plan to reimplant the stimulator once the infection has cleared.', 'stimulator', 'component')).toBe('hypothetical');
    expect(cond('No motor weakness on history.', 'weakness')).toBe('negated');
  });
  it('precautions and warning signs', () => {
    expect(cond('Seizure precautions were ordered.', 'Seizure')).toBe('hypothetical');
    expect(cond('He was given precautions for wound dehiscence.', 'dehiscence')).toBe('hypothetical');
    expect(cond('She knows the warning signs of a CSF leak.', 'leak')).toBe('hypothetical');
    expect(cond('Any signs of infection should be reported.', 'infection')).toBe('hypothetical'); // "should"
    expect(cond('She has no signs or symptoms of infection.', 'infection')).toBe('negated');
  });
  it('consent lists and side effects (conditions)', () => {
    expect(cond('Risks discussed included bleeding, infection and spinal fluid leak.', 'leak')).toBe('hypothetical');
    expect(cond('Side effects include drowsiness and dry mouth.', 'drowsiness')).toBe('hypothetical');
    expect(cond('Gabapentin can cause dizziness.', 'dizziness')).toBe('hypothetical');
  });
  it('instructions, future and awaited events', () => {
    expect(cond('She was advised to avoid heavy lifting.', 'lifting')).toBe('hypothetical');
    expect(cond('He is going to have a repeat colonoscopy.', 'colonoscopy')).toBe('hypothetical');
    expect(cond('He is likely to need dialysis.', 'dialysis')).toBe('hypothetical');
    expect(cond('The patient is awaiting a kidney transplant.', 'transplant')).toBe('hypothetical');
    expect(cond('She would benefit from pelvic floor therapy.', 'therapy')).toBe('hypothetical');
    expect(cond('He was given written instructions regarding wound dehiscence.', 'dehiscence')).toBe('hypothetical');
    expect(cond('She needs to have a repeat echocardiogram.', 'echocardiogram')).toBe('hypothetical');
    expect(cond('He ought to avoid heavy lifting.', 'lifting')).toBe('hypothetical');
  });
  it('follow-up visits, monitoring, where to go, scheduled care', () => {
    expect(cond('Follow up in clinic for suture removal.', 'suture')).toBe('hypothetical');
    expect(cond('He is to return to the clinic in one week for a dressing change.', 'dressing')).toBe('hypothetical');
    expect(cond('Monitor blood sugars for hypoglycemia.', 'hypoglycemia')).toBe('hypothetical');
    expect(cond('She knows to look out for bleeding.', 'bleeding')).toBe('hypothetical');
    expect(cond('Call 911 for chest pain.', 'chest')).toBe('hypothetical');
    expect(cond('Go to the nearest emergency department for shortness of breath.', 'shortness')).toBe('hypothetical');
    expect(cond('The patient is scheduled for cholecystectomy next week.', 'cholecystectomy')).toBe('hypothetical');
  });
  it('a kind-limited cue does not hide an overlapping general one from other kinds', () => {
    // "to come back" (conditions only) overlaps the general "come back to"
    expect(ak('He is to come back to the clinic for the permanent implant.', 'implant', 'action')).toBe('hypothetical');
    expect(cond('He is to come back to the clinic for a wound check.', 'wound')).toBe('hypothetical');
  });
  it('condition-only cues leave device work to the general modal rules', () => {
    expect(ak('He might need one or both leads moved later.', 'leads', 'component')).toBe('hypothetical');
    expect(ak('The pocket was irrigated to reduce the risk of infection.', 'pocket', 'pocket')).toBe('affirmed');
  });
});

describe('historical classes (issue 17, round 2)', () => {
  it('an allergy list is history; "no known" is never, over a lifetime', () => {
    expect(cond('ALLERGIES:\nSulfa causes a rash.', 'rash')).toBe('historical');
    const doc = buildDoc('She has no known latex allergy.');
    const at = 'She has no known latex allergy.'.indexOf('latex');
    const ax = contextAxes(doc, [{ ...targetForSpan(doc, at, at + 5)!, kind: CONDITION_KIND }])[0];
    expect([ax.negated?.text, ax.historical?.text]).toEqual(['no known', 'no known']);
    expect(ak('ALLERGIES: none. The generator was replaced.', 'generator', 'component')).toBe('affirmed');
  });
  it('a month or season already gone dates the clause', () => {
    expect(ak('The generator was placed last March.', 'generator', 'component')).toBe('historical');
    expect(ak('A temporary lead last fall gave good relief.', 'lead', 'component')).toBe('historical');
    expect(cond('Last winter she had a stroke.', 'stroke')).toBe('historical');
    expect(cond('She has had back pain since October.', 'pain')).toBe('historical');
    expect(cond('She was admitted last night with chest pain.', 'chest')).toBe('affirmed');
  });
  it('years of an illness, a life stage, a healed injury', () => {
    expect(cond('He has twenty years of diabetes.', 'diabetes')).toBe('historical');
    expect(cond('He had asthma as a child.', 'asthma')).toBe('historical');
    expect(cond('Childhood seizures.', 'seizures')).toBe('historical');
    expect(cond('A healed rib fracture is seen.', 'fracture')).toBe('historical');
    expect(cond('Healing wound on the left leg.', 'wound')).toBe('affirmed');
    expect(cond('At age 70 he is active.', 'active')).toBe('affirmed');
  });
});

describe('operative-note specifics (issue 17)', () => {
  it.each([
    ['A trial system was placed, to be converted at a later date.', 'converted', 'action', 'hypothetical'],
    ['The trial system is to be converted to a permanent implant at a later date.', 'implant', 'action', 'hypothetical'],
    ['The generator placed in 2019 was removed.', 'generator', 'component', 'historical'],
    ['The generator placed in 2019 was removed.', 'removed', 'action', 'affirmed'],
    ['No new pocket was needed.', 'pocket', 'pocket', 'negated'],
    ['COMPLICATIONS: None\nThe lead was placed at T8 and a pocket was created.', 'pocket', 'pocket', 'affirmed'],
    ['COMPLICATIONS: None\nThe lead was placed at T8 and a pocket was created.', 'placed', 'action', 'affirmed'],
  ])('"%s": %s (%s) is %s', (text, word, kind, expected) => {
    expect(ak(text, word, kind)).toBe(expected);
  });
});

describe('"free" after a device act', () => {
  it('"the lead was pulled back to free it" does not negate the lead or the act', () => {
    expect(ak('The lead was pulled back 1 cm to free it, then re-passed to T8.', 'lead', 'component')).toBe('affirmed');
  });
  it('"pain free" still negates a condition', () => {
    expect(cond('Since the block she has been pain free.', 'pain')).toBe('negated');
  });
});

// third round of issue 17 (sentences of our own)
describe('issue 17, round 3', () => {
  it('repeated admissions for a condition are its history (conditions only)', () => {
    expect(cond('She is admitted quite frequently for pancreatitis and ileus.', 'ileus')).toBe('historical');
    expect(cond('He has had multiple hospitalizations for COPD exacerbations.', 'COPD')).toBe('historical');
    expect(cond('She was admitted for chest pain.', 'chest')).toBe('affirmed');
    expect(ak('He is seen frequently for generator checks.', 'generator', 'component')).toBe('affirmed');
  });
  it('"no change in" a sense or function is a negation; a stable finding or lead position is not', () => {
    expect(cond('No change in hearing, tinnitus or vertigo.', 'vertigo')).toBe('negated');
    expect(cond('Denies headache; no change in bowel habits or urinary incontinence.', 'incontinence')).toBe('negated');
    expect(cond('No change in the size of the nodule.', 'nodule')).toBe('affirmed');
    expect(ak('No change in lead position after anchoring.', 'lead', 'component')).toBe('affirmed');
  });
  it('a decade ago, a calendar decade, a habit given up, "formerly", "past" episodes (conditions)', () => {
    expect(cond('She underwent a hysterectomy a decade ago.', 'hysterectomy')).toBe('historical');
    expect(ak('The first generator was implanted two decades ago.', 'generator', 'component')).toBe('historical');
    expect(cond('Lumbar fusion in the 1990s.', 'fusion')).toBe('historical');
    expect(cond('Her systolic pressure was in the 90s.', 'pressure')).toBe('affirmed');
    expect(cond('A woman in her sixties with new leg pain.', 'pain')).toBe('affirmed');
    expect(cond('He used to drink heavily.', 'drink')).toBe('historical');
    expect(cond('Formerly she had migraines.', 'migraines')).toBe('historical');
    expect(cond('Past surgeries include appendectomy and tonsillectomy.', 'tonsillectomy')).toBe('historical');
    expect(cond('He reports a past episode of syncope.', 'syncope')).toBe('historical');
  });
  it('a future time anchor and "call us with" are plans for a condition, not device work', () => {
    expect(cond('Next week she is having a colonoscopy.', 'colonoscopy')).toBe('hypothetical');
    expect(cond('A nerve conduction study later this month.', 'study')).toBe('hypothetical');
    expect(cond('Call us right away with any drainage from the incision.', 'drainage')).toBe('hypothetical');
    expect(cond('Notify me for a temperature over 101.', 'temperature')).toBe('hypothetical');
    expect(ak('The trial lead placed last week was removed today.', 'removed', 'action')).toBe('affirmed');
  });
  it('care to seek and teaching acknowledged are plans for a condition', () => {
    expect(cond('She is to seek care for any bleeding from the incision.', 'bleeding')).toBe('hypothetical');
    expect(cond('He verbalized understanding of the signs of a CSF leak.', 'leak')).toBe('hypothetical');
    expect(cond('She understands the warning signs of wound infection.', 'infection')).toBe('hypothetical');
    expect(cond('He sought care for back pain last night.', 'pain')).toBe('affirmed');
  });
});
