import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { checkDocumentation, scoreFor } from './index';
import { DOC_ITEMS } from '../../kb/doc-requirements';

const TRIAL = `PREOPERATIVE DIAGNOSIS: Failed back surgery syndrome.
PROCEDURE: Percutaneous spinal cord stimulator trial lead placement.
ANESTHESIA: Local with sedation.

DESCRIPTION: Under fluoroscopic guidance a Tuohy needle entered the epidural space at L1 and one 8-contact lead was advanced to T8. The lead was anchored to the skin and connected to an external trial stimulator.

COMPLICATIONS: None.
`;

const check = (text: string, against?: string) => checkDocumentation(analyze(text), text, against);

describe('checking a note against a code it did not lead to', () => {
  it('checks the suggested code alone by default, and adds the picked code of the family', () => {
    expect(check(TRIAL).codes).toEqual(['63650']);
    const c = check(TRIAL, '63685');
    expect(c.codes).toEqual(['63650', '63685']);
    const own = c.items.filter((i) => i.codes.includes('63685'));
    // what a generator code needs and the trial note does not have
    // connected to an external trial stimulator: no connection to an implanted generator
    expect(own.find((i) => i.id === 'connection')).toMatchObject({ status: 'missing', weight: 'blocking' });
    expect(own.find((i) => i.id === 'pocket')?.status).not.toBe('documented');
    // and the code would lose its support, said as a change from the picked code
    expect(c.whatWouldChange.filter((w) => w.from === '63685')).toEqual([expect.objectContaining({ to: null, relation: 'drop' })]);
  });

  it('ignores a pick that is not a code of the family, and a pick already checked', () => {
    expect(check(TRIAL, '99213').codes).toEqual(['63650']);
    expect(check(TRIAL, '63650')).toEqual(check(TRIAL));
  });

  it('lets a note that stops at an open question be checked against one of its candidates', () => {
    const vague = 'Stimulator battery changed.';
    const a = analyze(vague);
    expect(a.abstain?.candidates.map((c) => c.code)).toContain('63685');
    expect(check(vague).codes).toEqual([]);
    const c = check(vague, '63685');
    expect(c.codes).toEqual(['63685']);
    expect(c.items.find((i) => i.id === 'target')).toMatchObject({ status: 'missing', weight: 'blocking' });
  });

  it('never checks an out-of-scope note, whatever is picked', () => {
    const c = check('Laparoscopic cholecystectomy. The gallbladder was removed.', '63685');
    expect(c.codes).toEqual([]);
  });
});

describe('items carry their weight from the kb and the score is split', () => {
  it('takes weight and basis from the requirement data', () => {
    const c = check(TRIAL, '63685');
    for (const i of c.items) {
      const def = DOC_ITEMS.get(i.id)!;
      expect(i.weight).toBe(def.weight);
      expect(i.basis).toBe(def.weightSource.title);
    }
  });

  it('scores blocking items apart from good practice, per code', () => {
    const c = check(TRIAL, '63685');
    const lead = scoreFor(c, '63650');
    const gen = scoreFor(c, '63685');
    expect(lead.blocking.total).toBeGreaterThan(0);
    // the lead code is nearly fully supported; the generator code lacks its pocket
    expect(gen.blocking.percent).toBeLessThan(lead.blocking.percent);
    expect(gen.blocking.documented).toBeLessThan(gen.blocking.total);
    // anesthesia and complications are documented but never count toward what blocks the code
    const practiceIds = c.items.filter((i) => i.weight === 'good-practice').map((i) => i.id);
    expect(practiceIds).toEqual(expect.arrayContaining(['anesthesia', 'complications']));
    expect(gen.practice.total).toBe(c.items.filter((i) => i.codes.includes('63685') && i.weight === 'good-practice').length);
  });
});
