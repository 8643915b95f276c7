import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { locateConcept, parseTsv } from './assert';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let dir = '';

function run(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('npx', ['tsx', 'src/cli/assert.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assert-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TSV = [
  '# comment lines are skipped',
  'a1\tNo new pocket was needed.\tpocket',
  'a2\tThe existing pocket was opened.\tPOCKET',
  'a3\tThe patient will return for the permanent implant.\timplant',
  'a4\tFluoroscopy was not used.\tfluoroscopy',
  'a5\tThe lead was placed without difficulty.\tlead',
  'bad line without tabs',
  'a6\tThe patient denies fever.\tnot in the sentence',
  'a7\tThe lead was placed without fluoroscopy.\tfluoroscopy\t28',
  '',
].join('\n');

describe('assert CLI', () => {
  it('labels each row and reports bad lines on stderr', () => {
    const file = join(dir, 'rows.tsv');
    writeFileSync(file, TSV);
    const r = run(['--tsv', file]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'a1\tNegated',
      'a2\tHistorical',
      'a3\tHypothetical',
      'a4\tNegated',
      'a5\tAffirmed',
      'a6\tNegated',
      'a7\tNegated',
    ]);
    expect(r.stderr).toMatch(/line 7: expected id<TAB>sentence<TAB>concept/);
  });

  it('reads stdin with "-" and prints both axes with --axes', () => {
    const r = run(['--tsv', '-', '--axes'], 'x1\tNo history of infection.\tinfection\nx2\tA generator will be placed.\tgenerator\n');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['x1\tNegated\tHistorical', 'x2\tAffirmed\tHypothetical']);
  });

  it('--kind names what the concepts are: condition rules do not reach device mentions', () => {
    const rows = 'k1\tThe pocket seroma resolved.\tseroma\nk2\tThe generator was placed nine days ago.\tgenerator\n';
    expect(run(['--tsv', '-'], rows).stdout.trim().split('\n')).toEqual(['k1\tNegated', 'k2\tAffirmed']);
    expect(run(['--tsv', '-', '--kind', 'component'], rows).stdout.trim().split('\n')).toEqual(['k1\tAffirmed', 'k2\tHistorical']);
    const bad = run(['--tsv', '-', '--kind', 'gadget'], rows);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--kind must be one of .*condition/);
  });

  it('fails with usage on missing arguments or an unreadable file', () => {
    expect(run([]).status).toBe(2);
    const r = run(['--tsv', join(dir, 'missing.tsv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});

describe('assert helpers', () => {
  it('locates concepts: exact case first, loose white space, offsets, fallback to the sentence', () => {
    expect(locateConcept('pain and PAIN', 'PAIN')).toEqual([9, 13]);
    expect(locateConcept('no   chest pain', 'CHEST PAIN')).toEqual([5, 15]);
    expect(locateConcept('pain and pain', 'pain', 9)).toEqual([9, 13]);
    expect(locateConcept('nothing here', 'absent')).toEqual([0, 12]);
  });
  it('parses rows and rejects bad start offsets', () => {
    const errors: string[] = [];
    const rows = parseTsv('1\ts\tc\n2\ts\tc\tx\n3\tonly two\n', errors);
    expect(rows.map((r) => r.id)).toEqual(['1']);
    expect(errors).toHaveLength(2);
  });
});
