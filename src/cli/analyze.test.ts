import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'opnote-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function run(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...args], { encoding: 'utf8', input });
  return { status: r.status, lines: r.stdout.trim().split('\n').filter(Boolean), stderr: r.stderr };
}

describe('npm run analyze (CLI contract)', () => {
  it('prints one JSON object per file, in input order, with the contract fields', () => {
    const a = 'test/fixtures/notes/003-scs-permanent-perc-leads-ipg.txt';
    const b = 'test/fixtures/notes/061-oos-pacemaker-generator-change.txt';
    const r = run(['--json', a, b]);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(2);
    const [x, y] = r.lines.map((l) => JSON.parse(l));
    expect(x.file).toBe(a);
    expect(x.inScope).toBe(true);
    expect(x.suggestions.map((s: { code: string }) => s.code)).toEqual(['63650', '63685']);
    for (const s of x.suggestions) {
      expect(s).toHaveProperty('units');
      expect(s).toHaveProperty('modifiers');
      expect(s).toHaveProperty('confidence');
      expect(s).toHaveProperty('description');
      expect(s).toHaveProperty('alternatives');
      expect(s.reasons[0]).toHaveProperty('evidence');
    }
    expect(Array.isArray(x.facts)).toBe(true);
    expect(Array.isArray(x.warnings)).toBe(true);
    expect(y.file).toBe(b);
    expect(y.inScope).toBe(false);
  });

  it('reports bad files as {file, error}, keeps going, and exits non-zero', () => {
    const empty = file('empty.txt', '');
    const blank = file('blank.txt', '   \n\t\n');
    const bin = file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0xff]));
    const big = file('big.txt', 'a'.repeat(2 * 1024 * 1024 + 1));
    const good = 'test/fixtures/notes/019-pns-occipital-right.txt';
    const r = run(['--json', join(dir, 'missing.txt'), empty, blank, bin, big, good]);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.file)).toEqual([join(dir, 'missing.txt'), empty, blank, bin, big, good]);
    expect(out[0].error).toMatch(/not found/);
    expect(out[1].error).toMatch(/empty/);
    expect(out[2].error).toMatch(/whitespace/);
    expect(out[3].error).toMatch(/binary/);
    expect(out[4].error).toMatch(/2 MB/);
    expect(out[5].suggestions[0].code).toBe('64555');
    expect(r.stderr).toMatch(/missing\.txt: file not found/);
  });

  it('reads stdin with "-"', () => {
    const r = run(['--json', '-'], 'Under fluoroscopy a single percutaneous lead was placed in the epidural space to T8 via a Tuohy needle and connected to the external trial stimulator.');
    expect(r.status).toBe(0);
    const o = JSON.parse(r.lines[0]);
    expect(o.file).toBe('-');
    expect(o.suggestions.map((s: { code: string; units: number }) => `${s.code}x${s.units}`)).toEqual(['63650x1']);
  });

  it('reads a Windows-1252 file rather than refusing it', () => {
    const latin = file('latin.txt', Buffer.from('Caf\xe9 note: two leads were placed in the epidural space under fluoroscopy.', 'latin1'));
    const o = JSON.parse(run(['--json', latin]).lines[0]);
    expect(o.warnings[0].message).toMatch(/Windows-1252/);
  });

  it('prints a readable report without --json', () => {
    const r = run(['test/fixtures/notes/029-sacral-stage1-left.txt']);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(/^== /);
    expect(r.lines.join('\n')).toMatch(/64561/);
  });

  // issue 19, finding 2: reads are bounded (the whole stream used to be read before the 2 MB check)
  it('stops after the limit on a device and on an endless pipe, with the one-line error', () => {
    for (const cmd of ['npx tsx src/cli/analyze.ts --json /dev/zero', "yes 'Two leads were placed at T8.' | npx tsx src/cli/analyze.ts --json -"]) {
      const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, cmd).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]).error).toMatch(/more than 2097152 bytes; the limit is 2097152 bytes \(2 MB\); stopped reading/);
      expect(r.stderr.split("\n").some((l) => l.trimStart().startsWith("at "))).toBe(false); // no stack trace
    }
  });

  // issue 19, finding 4: "--jsn" used to be dropped and the readable report printed
  it('rejects an unknown flag with the usage line', () => {
    const r = run(['--jsn', 'test/fixtures/notes/019-pns-occipital-right.txt']);
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(/unknown option --jsn\nusage: npm run -s analyze -- \[--json\]/);
  });
});
