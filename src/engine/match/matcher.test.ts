import { describe, expect, it } from 'vitest';
import { buildDoc } from '../nlp/nlp';
import { findConcepts } from './matcher';

function concepts(t: string): string[] {
  return findConcepts(buildDoc(t)).map((m) => `${m.concept}:${m.text}`);
}

describe('concept matcher', () => {
  it('finds abbreviations and synonyms', () => {
    const c = concepts('The IPG was placed. SCS leads under fluoro with the C-arm. A subcutaneous pocket was fashioned.');
    expect(c).toContain('component.generator:IPG');
    expect(c).toContain('target.spinal:SCS');
    expect(c).toContain('imaging.fluoroscopy:fluoro');
    expect(c).toContain('imaging.fluoroscopy:C-arm');
    expect(c.some((x) => x.startsWith('pocket.created'))).toBe(true);
  });

  it('keeps the longer hit of one kind ("pulse generator" over "generator")', () => {
    const c = concepts('A new implantable pulse generator was connected.');
    expect(c).toContain('component.generator:implantable pulse generator');
    expect(c).not.toContain('component.generator:generator');
  });

  it('drops hits inside a mask ("system diagnostics" names a check, not the device) and never emits the mask', () => {
    const c = concepts('System diagnostics showed normal lead impedance. The entire system was explanted.');
    expect(c.some((x) => x.startsWith('component.system:System'))).toBe(false);
    expect(c).toContain('component.system:entire system');
    expect(c.some((x) => x.startsWith('mask.'))).toBe(false);
  });

  it('reads a connector pin pushed home as a connection, not a placement', () => {
    const c = concepts('The lead pin was fully seated and the set screw tightened.');
    expect(c.some((x) => x.startsWith('action.connect:'))).toBe(true);
    expect(c).not.toContain('action.insertion:seated');
  });

  it('finds "return to the OR" as well as "returned to the operating room"', () => {
    expect(concepts('This return to the OR was not planned.')).toContain('returnToOr.return:return to the OR');
    expect(concepts('He was taken back to the OR.').some((x) => x.startsWith('returnToOr.return:'))).toBe(true);
  });

  it('gives spans that slice back to the note', () => {
    const t = 'Left S3 foramen accessed; tined lead deployed.\r\nIPG connected, set screws tightened.';
    for (const m of findConcepts(buildDoc(t))) expect(t.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not match across sentences', () => {
    const c = concepts('The pocket was irrigated. Created by the resident.');
    expect(c.some((x) => x.startsWith('pocket.created'))).toBe(false);
  });
});
