import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import type { Analysis, Suggestion } from '../types';
import { auditNote, compareLines } from './audit';
import { parseBilled } from './billed';
import { BatchSummarizer, CLAIM_COLUMNS, claimRecords, detectColumns, gapKey, inputFromRecord, processInput } from './batch';

const note = (f: string) => readFileSync(`test/fixtures/notes/${f}`, 'utf8');
const billed = (s: string) => parseBilled(s).lines;

function fake(over: Partial<Analysis> & { lines?: [string, number, string[]][] }): Analysis {
  const suggestions: Suggestion[] = (over.lines ?? []).map(([code, units, mods]) => ({
    code,
    units,
    modifiers: mods.map((m) => ({ code: m, reasons: [] })),
    confidence: 'high',
    description: code,
    reasons: [],
    alternatives: [],
  }));
  return {
    inScope: true,
    suggestions,
    facts: [],
    warnings: [],
    questions: [],
    events: [],
    devices: [],
    matches: [],
    sections: [],
    headerCodes: [],
    stats: { chars: 0, tokens: 0, sentences: 0, ms: 0, truncated: false },
    ...over,
  };
}

describe('compareLines', () => {
  it('lists extra, missing, unit and modifier differences', () => {
    const d = compareLines(billed('63650x1;64590-LT;63688'), billed('63650x2;64590-RT;63685'));
    expect(d.map((x) => [x.kind, x.code])).toEqual([
      ['units', '63650'],
      ['modifiers', '64590'],
      ['extra', '63688'],
      ['missing', '63685'],
    ]);
    expect(d[0].message).toMatch(/billed 1 unit, the note supports 2/);
    expect(d[1].message).toMatch(/LT.*RT/);
  });

  it('pairs exact lines first, whatever the order of modifiers', () => {
    expect(compareLines(billed('64568-RT-59;64568-LT'), billed('64568-LT;64568-59-RT'))).toEqual([]);
  });
});

describe('auditNote (engine on fixture notes)', () => {
  const perm = analyze(note('003-scs-permanent-perc-leads-ipg.txt')); // 63650 x2, 63685 x1

  it('agrees when the billed lines are the supported lines', () => {
    const r = auditNote(perm, billed('63685;63650x2'));
    expect(r.verdict).toBe('agrees');
    expect(r.differences).toEqual([]);
  });

  it('differs on units, a missing line and an extra line', () => {
    expect(auditNote(perm, billed('63650;63685')).differences.map((d) => d.kind)).toEqual(['units']);
    const r = auditNote(perm, billed('63650x2'));
    expect(r.verdict).toBe('differs');
    expect(r.differences).toMatchObject([{ kind: 'missing', code: '63685', suggested: '63685 x1' }]);
    const x = auditNote(perm, billed('63650x2;63685;63661'));
    expect(x.verdict).toBe('differs');
    expect(x.differences).toMatchObject([{ kind: 'extra', code: '63661', billed: '63661 x1' }]);
  });

  it('differs on modifiers', () => {
    const occ = analyze(note('019-pns-occipital-right.txt'));
    const line = occ.suggestions[0];
    const r = auditNote(occ, [{ code: line.code, units: line.units, modifiers: ['LT'] }]);
    expect(r.verdict).toBe('differs');
    expect(r.differences[0].kind).toBe('modifiers');
  });

  it('is missing documentation when an out-of-scope note was billed', () => {
    const oos = analyze(note('061-oos-pacemaker-generator-change.txt'));
    expect(oos.inScope).toBe(false);
    const r = auditNote(oos, billed('63685'));
    expect(r.verdict).toBe('missing-documentation');
    expect(r.unsupported).toEqual(['63685']);
    expect(r.reasons[0]).toMatch(/no neurostimulator procedure/);
    expect(auditNote(oos, []).verdict).toBe('agrees');
  });
});

describe('auditNote (documentation gaps)', () => {
  it('is missing documentation when a billed code is not supported and a gap is flagged', () => {
    const a = fake({
      lines: [['63650', 2, []]],
      warnings: [{ kind: 'documentation', message: '63685: Documentation gap: the code needs a pocket for the generator, and the note does not document one.', codes: ['63685'] }],
    });
    const r = auditNote(a, billed('63650x2;63685'));
    expect(r.verdict).toBe('missing-documentation');
    expect(r.reasons.join('\n')).toMatch(/pocket/);
    expect(r.differences).toMatchObject([{ kind: 'extra', code: '63685' }]);
  });

  it('counts a billed line the engine only supports with a documentation gap as unsupported', () => {
    const a = fake({
      lines: [['63685', 1, []]],
      warnings: [{ kind: 'documentation', message: '63685: Documentation gap: …', codes: ['63685'] }],
    });
    const r = auditNote(a, billed('63685'));
    expect(r.verdict).toBe('missing-documentation');
    expect(r.differences).toEqual([]);
  });

  it('differs (not missing documentation) when nothing flags a gap', () => {
    expect(auditNote(fake({ lines: [['63650', 2, []]] }), billed('63650x2;63685')).verdict).toBe('differs');
  });

  it('uses questions as documentation gaps', () => {
    const a = fake({ lines: [], questions: [{ text: 'Which side was treated: left, right, both, or unable to determine?' }] });
    expect(auditNote(a, billed('64590')).verdict).toBe('missing-documentation');
  });
});

describe('batch rows and summary', () => {
  it('groups gap messages without codes and details', () => {
    expect(gapKey('63685: Documentation gap: needs a pocket (the pocket was "not created").')).toBe('Documentation gap: needs a pocket.');
    expect(gapKey('The note places this session 45 days after an earlier procedure.')).toBe('The note places this session after an earlier procedure.');
  });

  it('detects columns with and without a header', () => {
    expect(detectColumns(['\ufeffCase ID', 'Note', 'Billed Codes'])).toEqual({ header: true, note: 1, id: 0, billed: 2, width: 3 });
    expect(detectColumns(['text'])).toMatchObject({ header: true, note: 0, id: null, billed: null });
    expect(detectColumns(['OPERATIVE NOTE ...'])).toMatchObject({ header: false, note: 0 });
    expect(detectColumns(['id', 'codes'])).toHaveProperty('error');
    // issue 19: a header with no note column is an error, not a data row
    expect(detectColumns(['a', 'b', 'c'])).toEqual({ error: 'no note column found (columns: a, b, c); name one of note, notes, text', columns: ['a', 'b', 'c'] });
    expect(detectColumns(['patient', 'date of service', 'dx'])).toHaveProperty('error');
    expect(detectColumns(['17', 'Two leads were placed at T8 through a Tuohy needle.', '63650 x2'])).toMatchObject({ header: false, note: 1 });
    const cols = detectColumns(['id', 'note', 'billed']);
    if ('error' in cols) throw new Error(cols.error);
    expect(inputFromRecord(['a', 'x', ''], cols, 0)).toEqual({ ok: true, input: { index: 0, id: 'a', text: 'x', billed: '' } });
    expect(inputFromRecord(['a', 'x'], cols, 3)).toMatchObject({ ok: false, error: { index: 3, id: 'a', error: 'row has 2 fields, expected 3' } });
  });

  it('makes error outcomes for empty notes and unreadable billed codes, and sums up', () => {
    const s = new BatchSummarizer();
    const outs = [
      processInput({ index: 0, id: 'a', text: note('003-scs-permanent-perc-leads-ipg.txt'), billed: '63650x2;63685' }, analyze),
      processInput({ index: 1, id: 'b', text: note('003-scs-permanent-perc-leads-ipg.txt'), billed: '63650' }, analyze),
      processInput({ index: 2, id: 'c', text: note('061-oos-pacemaker-generator-change.txt'), billed: null }, analyze),
      processInput({ index: 3, id: 'd', text: '  ', billed: '63650' }, analyze),
      processInput({ index: 4, id: 'e', text: 'x', billed: 'spinal' }, analyze),
    ];
    outs.forEach((o) => s.add(o));
    expect(outs.slice(3).map((o) => (o.ok ? '' : o.error.error))).toEqual([expect.stringMatching(/empty note/), expect.stringMatching(/billed codes: cannot read/)]);
    const sum = s.result();
    expect(sum).toMatchObject({ rows: 5, analysed: 3, errors: 2, inScope: 2, outOfScope: 1, audited: 2, verdicts: { agrees: 1, differs: 1, 'missing-documentation': 0 }, agreementRate: 0.5 });
    expect(sum.codes[0]).toEqual({ code: '63650', notes: 2, units: 4 });
  });
});

describe('reasons that cite the rule (issue 18)', () => {
  it('says generator codes take no side for a billed 64590-LT', () => {
    const d = compareLines(billed('64590-LT'), billed('64590'));
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/generator codes take no side/);
    expect(d[0].message).not.toMatch(/LT the note does not support/);
  });

  it('keeps "the note does not support" for a side on a sided code', () => {
    const d = compareLines(billed('64568-LT'), billed('64568-RT'));
    expect(d[0].message).toMatch(/billed with LT the note does not support/);
    expect(d[0].message).not.toMatch(/take no side/);
  });

  it('cites the edit for a billed code bundled into a supported one', () => {
    const d = compareLines(billed('63650x2;77003'), billed('63650x2'));
    expect(d[0].kind).toBe('extra');
    expect(d[0].message).toMatch(/77003 is not reported with 63650: Fluoroscopy/);
    expect(d[0].message).toMatch(/convention/);
    expect(d[0].message).not.toMatch(/supports no 77003 line/);
    const r = compareLines(billed('64561;76000'), billed('64561'));
    expect(r[0].message).toMatch(/76000 is not reported with 64561: Imaging guidance is part of 64561.*CPT code descriptor/);
  });

  it('falls back to the plain reason when no rule applies', () => {
    expect(compareLines(billed('63688'), billed('63650x2'))[0].message).toMatch(/the note supports no 63688 line/);
  });

  it('never leaves a day-count placeholder in a gap key', () => {
    const keys = [
      gapKey('Consider 58 if this session falls within the global period of the earlier stage (stage 1: 64561 has a 10-day global, 64581 a 90-day global); the note puts it 12 days later.'),
      gapKey('This session may fall inside the global period of an earlier procedure (40 days later: inside a 90-day global, outside a 10-day one).'),
      gapKey('The earlier procedure was 30 days later than planned.'),
    ];
    for (const k of keys) expect(k).not.toMatch(/N days|\d days later/);
    expect(keys[0]).toBe('Consider 58 if this session falls within the global period of the earlier stage (stage 1: 64561 has a 10-day global, 64581 a 90-day global).');
    expect(gapKey('x; the note puts it 3 days later.')).toBe(gapKey('x; the note puts it 45 days later.'));
  });
});

describe('audit flag by suggestion confidence (issue 15)', () => {
  const withConf = (conf: Suggestion['confidence'], status?: Suggestion['status']) => {
    const a = fake({ lines: [['63650', 2, []]] });
    a.suggestions[0].confidence = conf;
    if (status) a.suggestions[0].status = status;
    return a;
  };

  it('flags a disagreement with a high, ready line as a likely error', () => {
    const r = auditNote(withConf('high', 'ready'), billed('63650x1'));
    expect(r.differences).toMatchObject([{ kind: 'units', flag: 'likely-error', suggestedConfidence: 'high' }]);
    expect(r.flag).toBe('likely-error');
  });

  it('flags a disagreement with a medium or low line as a check', () => {
    for (const c of ['medium', 'low'] as const) {
      const r = auditNote(withConf(c), billed('63650x1;63688'));
      expect(r.differences.map((d) => [d.kind, d.flag, d.suggestedConfidence])).toEqual([
        ['units', 'check', c],
        ['extra', 'check', c],
      ]);
      expect(r.flag).toBe('check');
    }
  });

  it('flags a high line that still needs review as a check', () => {
    expect(auditNote(withConf('high', 'review'), billed('63650x1')).differences[0].flag).toBe('check');
  });

  it('flags anything against an abstention as a check, and an agreeing claim not at all', () => {
    const a = fake({ lines: [], abstain: { fact: 'target', message: 'm', question: 'q', candidates: [], evidence: [] } });
    expect(auditNote(a, billed('63685')).differences[0]).toMatchObject({ flag: 'check', suggestedConfidence: null });
    expect(auditNote(withConf('high', 'ready'), billed('63650x2')).flag).toBeNull();
  });
});

describe('claim-line records (CSV shape)', () => {
  it('gives one record per claim line in billing-system columns, with status and reasons', () => {
    const o = processInput({ index: 0, id: 'n1', text: note('003-scs-permanent-perc-leads-ipg.txt'), billed: '63650x1;63685' }, analyze);
    const recs = claimRecords(o);
    expect(recs.map((r) => [r.CPT, r.Units])).toEqual([
      ['63650', '2'],
      ['63685', '1'],
    ]);
    for (const r of recs) {
      expect(Object.keys(r)).toEqual([...CLAIM_COLUMNS]);
      expect(r.note_id).toBe('n1');
      expect(['ready', 'review']).toContain(r.status);
      expect(['high', 'medium', 'low']).toContain(r.confidence);
      expect(r.reason.length).toBeGreaterThan(10);
      expect(r.audit).toBe('differs');
      expect(['check', 'likely-error']).toContain(r.audit_flag);
    }
  });

  it('splits modifiers into Mod1–Mod4 and joins review reasons', () => {
    const a = fake({ lines: [['64568', 1, ['LT', '59']]] });
    a.suggestions[0].confidence = 'medium';
    a.suggestions[0].reviewReasons = [
      { id: 'side', text: 'The side comes from one mention.', question: 'Which side was treated?', evidence: [] },
      { id: 'x', text: 'Second reason.', evidence: [] },
    ];
    const [r] = claimRecords(processInput({ index: 4, id: 'v', text: 'x', billed: null }, () => a));
    expect(r).toMatchObject({ row: '5', line: '1', CPT: '64568', Mod1: 'LT', Mod2: '59', Mod3: '', Mod4: '', Units: '1', status: 'review', audit: '' });
    expect(r.review_reasons).toBe('The side comes from one mention. Ask: Which side was treated? | Second reason.');
  });

  it('gives a note with no line one record with the abstention or out-of-scope reason, and a bad row its error', () => {
    const ab = fake({
      lines: [],
      abstain: { fact: 'target', message: 'A generator was replaced; the system is not named.', question: 'Which system was the generator for?', candidates: [{ code: '63685', when: 'spinal' }, { code: '64590', when: 'if the system is sacral or peripheral' }], evidence: [] },
    });
    const [r] = claimRecords(processInput({ index: 0, id: 'a', text: 'x', billed: null }, () => ab));
    expect(r).toMatchObject({ CPT: '', status: 'review', review_reasons: 'Which system was the generator for?' });
    expect(r.reason).toBe('A generator was replaced; the system is not named. Candidates: 63685 if spinal; 64590 if the system is sacral or peripheral. Ask: Which system was the generator for?');
    const [o] = claimRecords(processInput({ index: 1, id: 'b', text: note('061-oos-pacemaker-generator-change.txt'), billed: null }, analyze));
    const oos = processInput({ index: 1, id: 'b', text: note('061-oos-pacemaker-generator-change.txt'), billed: null }, analyze);
    expect(o).toMatchObject({ CPT: '', status: oos.ok && oos.row.abstain ? 'review' : 'no line' });
    expect(o.reason).toContain(oos.ok ? oos.row.outOfScopeReason : '-');
    expect(o.reason.length).toBeGreaterThan(10);
    expect(claimRecords(processInput({ index: 2, id: 'c', text: ' ', billed: null }, analyze))).toMatchObject([{ status: 'error', error: expect.stringMatching(/empty note/) }]);
  });
});
