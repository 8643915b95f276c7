import { describe, expect, it } from 'vitest';
import { buildDoc } from '../nlp/nlp';
import { findDates, intervalFromDates } from './dates';

describe('dates in a note', () => {
  it.each([
    ['on 08/04/2025', 1],
    ['on 8-4-25', 1],
    ['on 2025-08-04', 1],
    ['on 4 August 2025', 1],
    ['on Aug. 4, 2025', 1],
    ['on 02/31/2025 (no such day)', 0],
    ['dose 5/10 mg', 0],
  ])('%s → %i date(s)', (text, n) => {
    expect(findDates(text)).toHaveLength(n);
  });

  it('reads a note that writes a day over 12 first (19/05/2025) day first, for all its numeric dates', () => {
    const [a, b] = findDates('Date: 25/05/2025. Implanted on 04/05/2025.').map((d) => d.day);
    expect(a - b).toBe(21);
    // the same digits in a note with no day over 12 first stay month first
    const [c, d] = findDates('Date: 05/06/2025. Implanted on 04/05/2025.').map((x) => x.day);
    expect(c - d).toBe(31);
  });

  it('reads the same day whatever the format', () => {
    const days = ['08/04/2025', '2025-08-04', '4 August 2025', 'August 4th, 2025'].map((t) => findDates(t)[0].day);
    expect(new Set(days).size).toBe(1);
  });

  it('measures the days from an earlier procedure to the date of service', () => {
    const t = 'Date of surgery: 03/12/2025\nSurgeon: A. Smith, MD\n\nHistory: Permanent leads were implanted on 03/04/2025. Seen in clinic 03/10/2025 for loss of coverage.\n';
    const r = intervalFromDates(buildDoc(t));
    expect(r?.days).toBe(8);
    expect(r?.evidence.map((e) => e.text)).toEqual(['03/04/2025', '03/12/2025']);
  });

  it('finds the date of service after another field on the same line', () => {
    const t = 'Pt: Doe, Jane     DOS 06/17/2031\nHistory: I implanted the leads on 06/10/2031. X-rays on 06/16 showed migration.\n';
    const r = intervalFromDates(buildDoc(t));
    expect(r?.days).toBe(7);
    expect(r?.evidence.map((e) => e.text)).toEqual(['06/10/2031', '06/17/2031']);
  });

  it('reads a month and day without a year in the year of the date of service', () => {
    const t = 'Date of surgery: 01/05/2032\nHistory: Trial leads were placed on 12/28 and the trial was successful; stage 2 today.\n';
    const r = intervalFromDates(buildDoc(t));
    expect(r?.days).toBe(8);
    expect(r?.evidence.map((e) => e.text)).toEqual(['12/28', '01/05/2032']);
    // a fraction or a strength grade is not a date
    expect(intervalFromDates(buildDoc('Date: 01/05/2032\nThe lead was placed 1/2 inch lateral; strength 5/5.'))).toBeNull();
  });

  it('ignores dates of symptoms, birth and visits, and notes without a date of service', () => {
    expect(intervalFromDates(buildDoc('Date: 06/30/2025\nDOB: 01/02/1960\nDrainage began on 06/25/2025.\nSeen in clinic on 06/27/2025.'))).toBeNull();
    expect(intervalFromDates(buildDoc('The trial leads were placed on 06/20/2025. They were removed on 06/27/2025.'))).toBeNull();
  });

  it('reads days written as ordinal words, as voice recognition leaves them', () => {
    const d = findDates('stage one on august fourth 2025; today is September twenty-first, 2025');
    expect(d.map((x) => x.text)).toEqual(['august fourth 2025', 'September twenty-first, 2025']);
    expect(d[1].day - d[0].day).toBe(48);
    expect(findDates('the fourth lead in august 2025')).toEqual([]);
  });
});
