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
