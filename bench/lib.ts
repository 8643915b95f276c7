/**
 * Shared helpers for the benchmarks: a seeded corpus built from the fixture notes, timing
 * statistics and machine information. Nothing here is timed itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NOTES_DIR = path.join(ROOT, 'test/fixtures/notes');
export const SEED = 20240611;

/** The fixture notes, in file-name order (so the seeded choices are stable). */
export function fixtureNotes(): string[] {
  return readdirSync(NOTES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(NOTES_DIR, f), 'utf8').replace(/\r\n/g, '\n').trim());
}

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

/**
 * A note of about `words` words: fixture notes drawn with replacement (fixed seed), joined by a
 * blank line, then cut at the last line break that keeps it at or under the target (or, when a
 * single line overshoots, at the word). Long texts are therefore several dictations in a row —
 * the engine sees a long, realistic note, not a repeated one.
 */
export function generateNote(words: number, seed = SEED + words): string {
  const notes = fixtureNotes();
  const next = rng(seed);
  let text = '';
  while (wordCount(text) < words) text += (text ? '\n\n' : '') + notes[Math.floor(next() * notes.length)];
  const lines = text.split('\n');
  const out: string[] = [];
  let n = 0;
  for (const line of lines) {
    const w = wordCount(line);
    if (n + w > words) {
      const rest = words - n;
      if (rest > 0) out.push((line.match(/\S+\s*/g) ?? []).slice(0, rest).join('').trimEnd());
      break;
    }
    out.push(line);
    n += w;
  }
  return out.join('\n').trim();
}

/** `count` notes drawn with replacement from the fixtures (fixed seed), each made unique by a header line. */
export function generateBatch(count: number, seed = SEED): string[] {
  const notes = fixtureNotes();
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => `Case ${i + 1}.\n${notes[Math.floor(next() * notes.length)]}`);
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), min: r(s[0]), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

/** os.loadavg() over 1, 5 and 15 minutes, two decimals: noted with every measurement (the machine is shared). */
export const loadAvg = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** The pathological input shapes: each must grow linearly with its length, like a normal note. */
export const SHAPES = ['oneLongLine', 'negationCues', 'headerLines'] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * A note of about `words` words in one of the shapes that stress the engine's stages rather than
 * wink: `oneLongLine` is fixture text with every line break and sentence mark removed (one
 * sentence-less line, so only the sentence cap bounds pairwise work); `negationCues` is device
 * sentences each under a different negation or uncertainty cue; `headerLines` is mostly short
 * `HEADER:` lines, each a section start, with a device line now and then.
 */
export function generateShape(shape: Shape, words: number, seed = SEED + words): string {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  let out = '';
  if (shape === 'oneLongLine') {
    const base = generateNote(words, seed).replace(/[.;:!?\n\r]+/g, ' ').replace(/ {2,}/g, ' ');
    return base.trim();
  }
  const cues = ['No', 'Denies', 'Negative for', 'Without', 'Ruled out', 'Possible', 'No evidence of', 'Not', 'History of', 'If needed,', 'Declined', 'Rule out'];
  const bits = ['a percutaneous lead placed in the epidural space at T8', 'the implantable pulse generator replaced', 'paddle electrode through laminotomy', 'removal of the spinal cord stimulator leads', 'revision of the generator pocket', 'an external trial stimulator connected', 'intraoperative fluoroscopy guidance', 'an anchored lead at the dorsal root ganglion'];
  const headers = ['PROCEDURE:', 'FINDINGS:', 'INDICATIONS:', 'ANESTHESIA:', 'COMPLICATIONS:', 'IMPLANTS:', 'PLAN:', 'ESTIMATED BLOOD LOSS:', 'DRAINS:', 'SPECIMENS:', 'PREOPERATIVE DIAGNOSIS:', 'DISPOSITION:'];
  while (wordCount(out) < words) {
    if (shape === 'negationCues') out += `${pick(cues)} ${pick(bits)}. `;
    else out += next() < 0.8 ? `${pick(headers)}\n` : `${pick(headers)} ${pick(bits)}.\n`;
  }
  return out.trim();
}
