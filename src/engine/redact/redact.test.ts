import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactDetailed } from './index';

describe('redact', () => {
  it.each([
    ['Patient: Jane Q. Doe\nProcedure: SCS', 'Patient: [NAME]\nProcedure: SCS'],
    ['PATIENT NAME: DOE, JOHN', 'PATIENT NAME: [NAME]'],
    ['Name: Jo Bloggs   MRN: 00123456', 'Name: [NAME]   MRN: [MRN]'],
    ['Pt. Name - María José Núñez', 'Pt. Name - [NAME]'],
    ['MR#: A1234567', 'MR#: [MRN]'],
    ['Medical Record Number 55-4433', 'Medical Record Number [MRN]'],
    ['DOB: 03/14/1956', 'DOB: [DATE]'],
    ['Date of birth: 14 March 1956', 'Date of birth: [DATE]'],
    ['DOB: the third of May', 'DOB: [DATE]'],
    ['Date of surgery 2024-03-14.', 'Date of surgery [DATE].'],
    ['Seen on March 14, 2024 and 3-15-24', 'Seen on [DATE] and [DATE]'],
    ['Call (555) 123-4567 or 555.123.4567 or +1 555 123 4567', 'Call [PHONE] or [PHONE] or [PHONE]'],
    ['SSN 123-45-6789', 'SSN [SSN]'],
  ])('%j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves the coding content alone', () => {
    const note = [
      'PROCEDURE NAME: Spinal cord stimulator trial',
      'Procedure Name: 63650 x2, 63685-RT',
      'Two percutaneous leads placed at T8 and T9 under fluoroscopy.',
      'Patient-controlled analgesia was not used. The patient tolerated the procedure well.',
      'Impedances 450-900 ohms; amplitude 2.5 mA at 1.2 ms.',
    ].join('\n');
    expect(redact(note)).toBe(note);
  });

  it('counts what it masked', () => {
    const r = redactDetailed('Patient: Ann Lee\nMRN 998877\nDOB 01/02/1960\nPhone 555-222-3333');
    expect(r.counts).toEqual({ name: 1, mrn: 1, date: 1, phone: 1, ssn: 0 });
  });

  it('is idempotent and never lengthens a mask-free string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const once = redact(s);
        expect(redact(once)).toBe(once);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('runs in linear time on adversarial input', () => {
    const make = [
      (n: number) => 'Patient: '.repeat(n / 9),
      (n: number) => 'Name: ' + 'a '.repeat(n / 2),
      (n: number) => '1'.repeat(n),
      (n: number) => '1/'.repeat(n / 2),
      (n: number) => 'MRN '.repeat(n / 4),
      (n: number) => 'DOB: ' + 'x'.repeat(n),
      (n: number) => '(555) '.repeat(n / 6),
      (n: number) => 'March '.repeat(n / 6),
      (n: number) => 'A'.repeat(n),
    ];
    for (const f of make) {
      // sizes large enough that the small run takes milliseconds, not a timer's resolution
      const small = f(100_000);
      const big = f(800_000);
      const time = (s: string) => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          redact(s);
          best = Math.min(best, performance.now() - t);
        }
        return best;
      };
      const ts = Math.max(time(small), 2);
      const tb = time(big);
      // 8× the input may take at most 32× the time (generous: garbage collection and a busy
      // machine make millisecond timings noisy), never quadratic (64×).
      expect(tb / ts, f.toString()).toBeLessThan(32);
    }
  });
});
