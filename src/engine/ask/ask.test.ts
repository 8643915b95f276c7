import { beforeAll, describe, expect, it } from 'vitest';
import { ask, retrieve, warmAsk } from './index';
import { readEntities, classify } from './classify';
import { terms } from './terms';
import { getCodeRef } from '../../kb/reference/index';

beforeAll(() => warmAsk());

const text = (q: string) => {
  const a = ask(q);
  return { a, all: a.answerText.map((s) => s.text).join('\n') };
};

describe('terms', () => {
  it('normalises, drops stop words, stems words and keeps codes as written', () => {
    expect(terms('Which modifiers for the LEFT sacral leads, 63685 and C1778?')).toEqual(['modifi', 'left', 'sacral', 'lead', '63685', 'c1778']);
  });
});

describe('entities and question types', () => {
  it('reads codes, modifiers, payers, side and imaging', () => {
    const e = readEntities('Can Aetna take 64561-50 with fluoroscopy on the left, and modifier XS or 59? Not 99213.');
    expect(e.codes).toEqual(['64561']);
    expect(e.unknownCodes).toEqual(['99213']);
    expect(e.modifiers).toEqual(expect.arrayContaining(['50', 'XS', '59']));
    expect(e.payers).toEqual(['Aetna']);
    expect(e.side).toBe('left');
    expect(e.imaging).toBe(true);
  });

  it.each([
    ['What is the difference between 64590 and 63685?', 'compare'],
    ['Which modifier for a left sacral lead?', 'modifier'],
    ['Is fluoroscopy billed with 64596?', 'bundling'],
    ['How many units of 63650 for two leads?', 'units'],
    ['Does Cigna cover 64582?', 'payer'],
    ['What must the note document for 63685?', 'documentation'],
    ['Global period of 63655?', 'global'],
    ['What is 63688?', 'define'],
  ])('%s → %s', (q, type) => {
    expect(classify(q, readEntities(q))).toBe(type);
  });
});

describe('answers from the knowledge base', () => {
  it('compares two named codes: what decides, with sources, confidence and links', () => {
    const { a, all } = text('What is the difference between 64590 and 63685?');
    expect(a.answered).toBe(true);
    expect(a.codes.slice(0, 2)).toEqual(['64590', '63685']);
    expect(all).toContain(getCodeRef('64590')!.confusableWith.find((c) => c.code === '63685')!.difference);
    expect(all).toMatch(/What decides between 64590 and 63685: target/);
    expect(a.links.map((l) => l.href)).toEqual(['#/reference/64590', '#/reference/63685', '#/compare/64590,63685']);
    for (const s of a.answerText) {
      expect(s.source.length).toBeGreaterThan(3);
      expect(['high', 'medium', 'low']).toContain(s.confidence);
    }
  });

  it('picks LT for a left sacral lead and names the code', () => {
    const { a, all } = text('Which modifier for a left sacral lead?');
    expect(a.modifiers).toEqual(['LT']);
    expect(a.codes[0]).toBe('64561');
    expect(all).toContain('LT is allowed on 64561');
  });

  it('answers that imaging is part of 64596 from the edit table', () => {
    const { a, all } = text('Is fluoroscopy billed with 64596?');
    expect(a.type).toBe('bundling');
    expect(all).toContain('Imaging guidance is part of 64596/64597');
    expect(a.answerText.some((s) => /2026/.test(s.source))).toBe(true);
  });

  it('says in plain words what an unconfirmed edit means, and cites the NCCI table', () => {
    const { a, all } = text('Can I bill 77003 with 63650?');
    expect(all).toMatch(/not checked it against the current quarterly table: look the pair up there before billing both/);
    expect(all).not.toMatch(/unconfirmed — verify/i);
    expect(a.answerText.some((s) => /CMS NCCI procedure-to-procedure edits, practitioner table/.test(s.source))).toBe(true);
  });

  it('answers first in one line, and names sources as a coder would cite them, never file names or shorthand', () => {
    const questions = [
      'What is the difference between 64590 and 63685?',
      'Which modifier for a left sacral lead?',
      'Is fluoroscopy billed with 64596?',
      'How many units of 63650 for two trial leads?',
      'What must the note show for 63685?',
      'Does Medicare cover hypoglossal nerve stimulation 64582?',
      'Can 63688 be billed with 63685?',
      'What is the global period of 63685?',
      'What is modifier 22?',
      'What is 64568?',
    ];
    for (const q of questions) {
      const a = ask(q);
      expect(a.summary, q).not.toMatch(/what decides between them|^Bundling:|^What the note must show|\n/);
      for (const s of a.answerText) {
        for (const t of [s.text, s.source]) expect(t, q).not.toMatch(/\.(md|ts)\b|src\/|kb\/|§|\brule\.\w+|\b(NSREF|PFS26|CPTA11)\b/);
      }
    }
    expect(ask('What is the difference between 64590 and 63685?').summary).toMatch(/^64590 or 63685: the target decides/);
    expect(ask('Can 63688 be billed with 63685?').summary).toMatch(/^No — /);
    // our own choices are labelled as such
    expect(ask('Which modifier for a left sacral lead?').answerText.some((s) => s.source.includes('OpNote Coder convention'))).toBe(true);
  });

  it('an assistant question names the assistant modifiers, whatever the index scores', () => {
    const { a, all } = text('Is an assistant surgeon paid on 63655?');
    expect(a.modifiers).toContain('80');
    expect(all).toMatch(/assistant at surgery payable/);
  });

  it('says modifier 11 does not exist', () => {
    const { a, all } = text('Is modifier 11 valid on 64590?');
    expect(a.modifiers).toContain('11');
    expect(all).toMatch(/There is no modifier 11/);
  });

  it('gives payer rows with their status and a plain note when payment amounts are asked', () => {
    const { a, all } = text('How much does Medicare pay for 64561?');
    expect(a.type).toBe('payer');
    expect(all).toMatch(/Payment amounts are not in our reference/);
    expect(all).toMatch(/work RVU/);
    const rows = text('Does Aetna cover 63650?');
    expect(rows.a.answerText.some((s) => s.topic.startsWith('Aetna'))).toBe(true);
  });

  it('finds a code from a phrase of a note or an abbreviation', () => {
    expect(retrieve('Tuohy needle loss of resistance octrode advanced to T8').ranked[0]).toBe('63650');
    expect(retrieve('HGNS implant code').ranked[0]).toBe('64582');
    expect(retrieve('VNS generator battery change code').ranked[0]).toBe('61885');
  });
});

describe('honest when the knowledge base has nothing', () => {
  it.each([
    'What is the reimbursement rate for 99213?',
    "What's the weather in Paris tomorrow?",
    'How do I code a cardiac pacemaker lead replacement?',
    '',
  ])('%j → not in our reference', (q) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.summary).toMatch(/^Not in our reference/);
    expect(a.codes).toEqual([]);
    expect(a.links).toEqual([]);
  });

  it('still lists the closest pages when there are any', () => {
    const a = ask('How do I code a cardiac pacemaker lead replacement?');
    expect(a.closest.length).toBeGreaterThan(0);
    expect(a.closest[0].href).toMatch(/^#\/reference\/\d{5}$/);
  });
});

describe('timing and transport', () => {
  it('reports how long each answer took (npm run eval prints the figures)', () => {
    for (const q of ['What is the difference between 64590 and 63685?', 'Which modifier for a left sacral lead?', 'Is fluoroscopy billed with 64596?', 'SCS battery replaced at end of life, which code?']) {
      const a = ask(q);
      expect(Number.isFinite(a.ms) && a.ms >= 0, q).toBe(true);
    }
  });

  it('returns plain data (structured-clone safe for the worker)', () => {
    const a = ask('What is 63688?');
    expect(structuredClone(a)).toEqual(a);
  });
});
