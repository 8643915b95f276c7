import { describe, expect, it } from 'vitest';
import { analyze, readConcepts } from '../index';
import { buildDoc } from '../nlp/nlp';
import { workSentenceSet } from '../facts/work';
import { readEvents } from '../facts/events';
import { decide } from '../decide/decide';
import { applyEdits } from './edits';
import type { CodingContext } from '../pipeline-types';
import type { Suggestion } from '../types';
import { ADD_ON_EDITS, PAIR_EDITS, UNIT_EDITS } from '../../kb/edits';
import { CODE_BY_ID } from '../../kb/codes';

/** The real pipeline up to the edits stage, so edits can be tried on hand-made line sets. */
function ctxFor(note: string): CodingContext {
  const doc = buildDoc(note);
  const matches = readConcepts(doc);
  const work = workSentenceSet(doc, matches);
  const reading = readEvents(doc, matches, work);
  decide(reading, matches, work);
  return { doc, matches, work, reading };
}
function line(code: string, units = 1, mods: string[] = []): Suggestion {
  return {
    code,
    units,
    modifiers: mods.map((m) => ({ code: m, reasons: [{ text: m, evidence: [] }] })),
    confidence: 'high',
    description: CODE_BY_ID.get(code)?.description ?? code,
    reasons: [],
    alternatives: [],
    warnings: [],
  };
}
const PLAIN = `PROCEDURE: Spinal cord stimulator revision.

DESCRIPTION OF PROCEDURE: The patient was positioned prone. The wound was closed.
`;
const DISTINCT = `PROCEDURE: Spinal cord stimulator lead revision and removal.

DESCRIPTION OF PROCEDURE: The migrated lead at T8 was repositioned. A different lead at a separate level was removed through a separate incision. The wounds were closed.
`;

interface PairCase {
  name: string;
  note: string;
  lines: Suggestion[];
  /** Expected warning kinds/messages. */
  warning?: RegExp;
  noWarning?: RegExp;
  /** code -> modifiers it must carry after the edits stage. */
  mods?: Record<string, string[]>;
  lowConfidence?: string;
}

const PAIRS: PairCase[] = [
  {
    name: '63685 + 63688 (same generator) → bundling, unconfirmed',
    note: PLAIN,
    lines: [line('63685'), line('63688')],
    warning: /63688 is not reported with 63685.*expected NCCI pair, not yet checked against the current quarterly CMS table/,
    lowConfidence: '63688',
  },
  { name: '63685 alone → no bundling', note: PLAIN, lines: [line('63685')], noWarning: /not reported with/ },
  { name: '64590 + 64595 → bundling', note: PLAIN, lines: [line('64590'), line('64595')], warning: /64595 is not reported with 64590/, lowConfidence: '64595' },
  { name: '61886 + 61888 → bundling', note: PLAIN, lines: [line('61886'), line('61888')], warning: /61888 is not reported with 61886/ },
  {
    name: '64568 + 61885 → generator included (descriptor)',
    note: PLAIN,
    lines: [line('64568'), line('61885')],
    warning: /61885 is not reported with 64568.*in the code descriptor/,
    lowConfidence: '61885',
  },
  { name: '64582 + 64590 → generator included', note: PLAIN, lines: [line('64582'), line('64590')], warning: /64590 is not reported with 64582/ },
  { name: '64568 alone → no bundling', note: PLAIN, lines: [line('64568')], noWarning: /not reported with/ },
  {
    name: '63663 + 63661, no distinction documented → bundling',
    note: PLAIN,
    lines: [line('63663'), line('63661')],
    warning: /63661 is not reported with 63663.*XS/,
    mods: { '63661': [] },
  },
  {
    name: '63663 + 63661, separate level documented → XS, not 59',
    note: DISTINCT,
    lines: [line('63663'), line('63661')],
    warning: /XS added/,
    mods: { '63661': ['XS'] },
  },
  { name: '63664 + 63662 → bundling', note: PLAIN, lines: [line('63664'), line('63662')], warning: /63662 is not reported with 63664/ },
  { name: '64597 alone → add-on warning', note: PLAIN, lines: [line('64597')], warning: /64597 is an add-on code: it is never reported alone/, lowConfidence: '64597' },
  { name: '64596 + 64597 → fine', note: PLAIN, lines: [line('64596'), line('64597')], noWarning: /add-on code/ },
  { name: '61868 without 61867 → add-on warning', note: PLAIN, lines: [line('61868')], warning: /61868 is an add-on/ },
  { name: '63650 × 3 → payer-note unit limit', note: PLAIN, lines: [line('63650', 3)], warning: /63650 × 3: above 2 per date of service.*payer note, not a national MUE/ },
  { name: '63650 × 2 → no unit warning', note: PLAIN, lines: [line('63650', 2)], noWarning: /above 2 per/ },
  { name: 'per-session code × 2 → unit warning', note: PLAIN, lines: [line('63685', 2)], warning: /reported once per session/ },
];

describe('edits on hand-made line sets (real context)', () => {
  it.each(PAIRS)('$name', (c) => {
    const ctx = ctxFor(c.note);
    const r = applyEdits(ctx, c.lines);
    const text = [...r.warnings.map((w) => w.message), ...r.suggestions.flatMap((s) => s.warnings ?? [])].join('\n');
    if (c.warning) expect(text).toMatch(c.warning);
    if (c.noWarning) expect(text).not.toMatch(c.noWarning);
    for (const [code, mods] of Object.entries(c.mods ?? {})) {
      const s = r.suggestions.find((x) => x.code === code)!;
      expect(s.modifiers.map((m) => m.code)).toEqual(mods);
    }
    if (c.lowConfidence) expect(r.suggestions.find((s) => s.code === c.lowConfidence)!.confidence).toBe('low');
    for (const s of r.suggestions) expect(s.modifiers.map((m) => m.code)).not.toContain('59');
    // the affected line carries the edit too
    if (c.warning && /not reported with/.test(c.warning.source)) {
      expect(r.suggestions.some((s) => (s.warnings ?? []).some((w) => c.warning!.test(w) || /not reported with|added because/.test(w)))).toBe(true);
    }
    // input lines are not mutated
    for (const l of c.lines) expect(l.warnings).toEqual([]);
  });

  it('lines with different sides pass an indicator-1 edit (anatomic modifiers)', () => {
    const r = applyEdits(ctxFor(PLAIN), [line('63663', 1, ['LT']), line('63661', 1, ['RT'])]);
    expect(r.warnings.filter((w) => w.kind === 'bundling')).toEqual([]);
  });
});

describe('edits through analyze()', () => {
  const SACRAL = (header: string) => `PROCEDURE: Placement of left S3 sacral nerve lead${header}.

DESCRIPTION OF PROCEDURE: Under fluoroscopic guidance, a needle was placed into the left S3 foramen. A tined lead was placed through the introducer into the left S3 foramen. The lead was connected to an external trial stimulator.
`;

  it('imaging code claimed in the header next to 64561 → bundling warning (imaging included)', () => {
    const a = analyze(SACRAL(' (CPT 64561, 77002)'));
    const w = a.warnings.find((x) => x.kind === 'bundling' && x.codes?.includes('77002'));
    expect(w?.message).toMatch(/Imaging guidance is part of 64561/);
    expect(w?.source).toMatch(/\(20\d\d\)/);
    expect(a.suggestions.find((s) => s.code === '64561')!.warnings!.join('\n')).toMatch(/77002/);
  });

  it('no imaging code claimed → no bundling warning', () => {
    const a = analyze(SACRAL(''));
    expect(a.warnings.filter((x) => x.kind === 'bundling')).toEqual([]);
  });

  it('device hints: facility C-codes and supplier L-codes as "device" warnings, never claim lines', () => {
    const a = analyze(SACRAL(''));
    const d = a.warnings.filter((w) => w.kind === 'device');
    expect(d.length).toBe(1);
    expect(d[0].message).toMatch(/C1778/);
    expect(d[0].message).toMatch(/L8680/);
    expect(d[0].message).toMatch(/not on the surgeon's claim/);
    expect(a.suggestions.every((s) => /^\d{5}$/.test(s.code))).toBe(true);
  });

  it('global period note when the session is inside an earlier global', () => {
    const a = analyze(`PROCEDURE: Revision of spinal cord stimulator generator pocket.

DESCRIPTION OF PROCEDURE: The patient returned to the operating room on postoperative day 5 for an expanding pocket hematoma. The generator pocket was opened and the hematoma was evacuated. The generator was revised and placed back in the pocket. The wound was closed.
`);
    const g = a.warnings.find((w) => w.kind === 'global');
    expect(g?.message).toMatch(/falls inside the global period/);
    expect(g?.message).toMatch(/78/);
  });

  it('no timing → no global note', () => {
    const a = analyze(SACRAL(''));
    expect(a.warnings.find((w) => w.kind === 'global')).toBeUndefined();
  });

  it('timing without a planned stage or a return → a 58/78/79 question', () => {
    const a = analyze(`PROCEDURE: Implantation of sacral neurostimulator pulse generator.

DESCRIPTION OF PROCEDURE: The lead was placed 6 days ago. A subcutaneous pocket was created in the right upper buttock. The tined lead was connected to the implantable pulse generator, which was placed in the pocket. The wound was closed.
`);
    expect(a.questions.map((q) => q.text).join('\n')).toMatch(/58 \(planned or staged\), 78 .* or 79/);
  });
});

describe('edits data', () => {
  it('every pair names source, year and status; unconfirmed pairs are marked', () => {
    for (const e of PAIR_EDITS) {
      expect(e.source.length).toBeGreaterThan(5);
      expect(e.year).toBeGreaterThanOrEqual(2011);
      if (e.modifierIndicator === 0) expect(e.bypass).toEqual([]);
      expect(e.bypass).not.toContain('59');
    }
    expect(PAIR_EDITS.some((e) => e.status === 'unconfirmed')).toBe(true);
    expect(ADD_ON_EDITS.map((a) => a.addOn).sort()).toEqual(['61864', '61868', '64597']);
    for (const a of ADD_ON_EDITS) expect(CODE_BY_ID.get(a.addOn)?.addOnTo).toBe(a.primary[0]);
  });
  it('only sourced unit limits, as payer notes (no national MUE values)', () => {
    expect(UNIT_EDITS.every((u) => u.kind === 'payer-note')).toBe(true);
    expect(UNIT_EDITS.map((u) => u.code)).toEqual(['63650']);
  });
  it('the required family pairs are present', () => {
    const has = (c1: string, c2: string) => PAIR_EDITS.some((e) => e.column1.includes(c1) && e.column2.includes(c2));
    for (const [c1, c2] of [
      ['63685', '63688'], ['64590', '64595'], ['61885', '61888'], ['61886', '61888'],
      ['64568', '61885'], ['64568', '61886'], ['64568', '64590'], ['64582', '61885'], ['64582', '61886'], ['64582', '64590'],
      ['63663', '63661'], ['63664', '63662'],
      ['64561', '76942'], ['64561', '77002'], ['64561', '77003'], ['64561', '76000'], ['64596', '77002'], ['63661', '77003'], ['63664', '76000'],
    ]) expect(has(c1, c2), `${c1} / ${c2}`).toBe(true);
  });
});
