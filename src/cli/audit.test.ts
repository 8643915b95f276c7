import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'opnote-audit-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const note = (f: string) => readFileSync(`test/fixtures/notes/${f}`, 'utf8');

function run(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'src/cli/audit.ts', ...args], { encoding: 'utf8', input });
  const stderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
  return { status: r.status, stdout: r.stdout, lines: r.stdout.trim().split('\n').filter(Boolean), stderr };
}

const PERM = note('003-scs-permanent-perc-leads-ipg.txt'); // 63650 x2 + 63685
const OOS = note('061-oos-pacemaker-generator-change.txt');

/** A CSV with quoted multi-line notes, quotes inside notes, a bad row (too many fields) and a blank billed cell. */
function mixedCsv(): string {
  const good = [
    ['case-1', PERM, '63650x2;63685'],
    ['case-2', `Header "quoted" line\n${PERM}`, '63650'],
    ['case-3', OOS, '63685'],
    ['case-4', note('019-pns-occipital-right.txt'), ''],
  ].map((r) => Papa.unparse([r], { newline: '\n' }));
  return ['Case ID,Note,Billed Codes', good[0], 'case-bad,"short note",63650,extra', ...good.slice(1), ''].join('\n');
}

describe('npm run audit (CLI)', () => {
  it('prints one JSON object per row, in order, then a summary; skips a bad row and exits 1', () => {
    const r = run(['--json', file('mixed.csv', mixedCsv())]);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out).toHaveLength(6);
    expect(out.slice(0, 5).map((o) => [o.row, o.id])).toEqual([
      [1, 'case-1'],
      [2, 'case-bad'],
      [3, 'case-2'],
      [4, 'case-3'],
      [5, 'case-4'],
    ]);
    const [a, bad, b, c, d, s] = out;
    expect(a).toMatchObject({ inScope: true, lines: ['63650 x2', '63685 x1'], billed: '63650x2;63685', verdict: 'agrees', differences: [] });
    // (medium: an 890-word dictation fires the long-dictation check)
    expect(a.suggestions[0]).toMatchObject({ code: '63650', units: 2, modifiers: [], confidence: 'medium' });
    expect(bad.error).toMatch(/4 fields, expected 3/);
    expect(r.stderr).toMatch(/row 2 \(case-bad\): row has 4 fields, expected 3; skipped/);
    expect(b.verdict).toBe('differs');
    expect(b.differences.map((x: { kind: string }) => x.kind).sort()).toEqual(['missing', 'units']);
    // fields added for issues 15/18: line status and reasons, the audit flag by the suggestion's confidence
    expect(a.suggestions[0]).toMatchObject({ status: 'review', reviewReasons: [expect.any(String)] });
    expect(a).toMatchObject({ review: true, auditFlag: null });
    // the same note at medium confidence: its differences are things to check, not likely errors
    expect(b.auditFlag).toBe('check');
    expect(b.differences.map((x: { flag: string; suggestedConfidence: string }) => [x.flag, x.suggestedConfidence])).toEqual([
      ['check', 'medium'],
      ['check', 'medium'],
    ]);
    expect(c).toMatchObject({ inScope: false, verdict: 'missing-documentation' });
    expect(d).toMatchObject({ billed: null, verdict: null });
    expect(s.summary).toMatchObject({
      rows: 5,
      analysed: 4,
      errors: 1,
      audited: 3,
      verdicts: { agrees: 1, differs: 1, 'missing-documentation': 1 },
    });
    expect(s.summary.agreementRate).toBeCloseTo(1 / 3);
  });

  it('prints a readable table and summary, and exits 0 when every row is read', () => {
    const r = run([file('good.csv', Papa.unparse([{ id: 'x1', note: PERM, billed: '63650;63685' }]))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ROW +ID +VERDICT/);
    expect(r.stdout).toMatch(/x1 +Differs/);
    expect(r.stdout).toMatch(/63650: billed 1 unit, the note supports 2/);
    expect(r.stdout).toMatch(/== Summary/);
    expect(r.stdout).toMatch(/agreement rate 0\.0%/);
    expect(r.stderr).toBe('');
  });

  it('reads stdin, a header-less single column of notes, and unreadable billed codes as a bad row', () => {
    const csv = Papa.unparse([[PERM], [OOS]]);
    const r = run(['--json', '-'], csv);
    expect(r.status).toBe(0);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['row 1', 'row 2', undefined]);
    expect(out[2].summary.rows).toBe(2);

    const r2 = run(['--json', file('billed.csv', Papa.unparse([{ note: PERM, codes: 'sixty-three' }, { note: PERM, codes: '63685;63650x2' }]))]);
    expect(r2.status).toBe(1);
    const o2 = r2.lines.map((l) => JSON.parse(l));
    expect(o2[0].error).toMatch(/billed codes: cannot read/);
    expect(o2[1].verdict).toBe('agrees');
  });

  it('reports a row with broken quotes and keeps going', () => {
    const csv = ['id,note,billed', 'a,"lead placement" trailing,63650', Papa.unparse([['b', PERM, '63650x2;63685']]), 'c,"unterminated,63650', ''].join('\n');
    const r = run(['--json', file('quotes.csv', csv)]);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ row: 1, id: 'a', error: expect.stringMatching(/InvalidQuotes/) });
    expect(out.at(-1).summary.errors).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toMatch(/row 1 \(a\): CSV: .*skipped/);
  });

  it('exits 2 on usage errors, a missing file, no note column or an empty file', () => {
    expect(run([]).status).toBe(2);
    const missing = run(['--json', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.lines[0]).error).toBe('file not found');
    const nocol = run([file('nocol.csv', 'id,codes\n1,63650\n')]);
    expect(nocol.status).toBe(2);
    expect(nocol.stderr).toMatch(/no note column/);
    expect(run([file('empty.csv', '')]).status).toBe(2);
  });

  it('reads the generated 50-row fixture', () => {
    const r = run(['--json', 'test/fixtures/batch/batch-50.csv']);
    expect(r.status).toBe(0);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out).toHaveLength(51);
    expect(out[50].summary.analysed).toBe(50);
    expect(out[50].summary.notesPerSecond).toBeGreaterThan(0);
  });

  // issue 19, finding 4: 214 rows of /bin/ls were read as notes; "a,b,c" was read as a data row; "--jsn" was dropped
  it('refuses a binary file, a header without a note column and an unknown flag, each with one line', () => {
    for (const args of [['/bin/ls'], ['--json', '/bin/ls']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('/bin/ls: binary file (contains NUL bytes): not a text file');
    }
    const stdin = spawnSync('sh', ['-c', 'npx tsx src/cli/audit.ts --json - < /bin/ls'], { encoding: 'utf8' });
    expect(stdin.status).toBe(2);
    expect(JSON.parse(stdin.stdout.trim()).error).toMatch(/^binary file/);
    const abc = run([file('abc.csv', 'a,b,c\n1,2,3\n')]);
    expect(abc.status).toBe(2);
    expect(abc.stderr).toMatch(/no note column found \(columns: a, b, c\)/);
    const flag = run(['--jsn', 'test/fixtures/batch/batch-50.csv']);
    expect(flag.status).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/unknown option --jsn\nusage: npm run -s audit/);
  });
});
