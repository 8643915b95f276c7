/**
 * Notes of varied text for memory runs (issue 19): each note is one of our fixture notes with
 * new words in it that no earlier note had — surgeon and patient names, device serials, lot
 * numbers, typos, dictation noise — so every note brings wink words it has never seen, as a
 * real batch of 100,000 notes does. Seeded: the same (seed, index) gives the same note.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rng } from '../bench/lib';

const NOTES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/notes');

let templates: string[] | null = null;

/** The fixture notes the varied notes are made from (sorted by file name; the few long ones left out). */
export function noteTemplates(): string[] {
  if (!templates) {
    templates = readdirSync(NOTES_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(NOTES_DIR, f), 'utf8'))
      .filter((t) => t.length <= 3_000);
  }
  return templates;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CONSONANTS = 'bcdfghjklmnprstvwxz';
const VOWELS = 'aeiouy';

/** A pronounceable made-up word (a name, a typo, a drug) of 4–10 letters. */
function word(r: () => number): string {
  const n = 4 + Math.floor(r() * 7);
  let w = '';
  for (let i = 0; i < n; i++) {
    const set = i % 2 === 0 ? CONSONANTS : VOWELS;
    w += set[Math.floor(r() * set.length)];
  }
  // one letter anywhere, so two notes rarely share a word
  const at = Math.floor(r() * n);
  return w.slice(0, at) + LETTERS[Math.floor(r() * 26)] + w.slice(at + 1);
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

/** The words one note brings: about `count`, most of them never seen before. */
function newWords(r: () => number, count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const k = r();
    if (k < 0.45) out.push(word(r));
    else if (k < 0.7) out.push(cap(word(r)));
    else if (k < 0.85) out.push(`${word(r).slice(0, 3).toUpperCase()}${digits(r, 5)}${LETTERS[Math.floor(r() * 26)].toUpperCase()}`);
    else out.push(`${word(r)}-${digits(r, 3)}`);
  }
  return out;
}

/**
 * Note `index` of a varied run: fixture note `index mod n`, a header line with made-up names and
 * an id, and about `words` new words spread over its sentences.
 */
export function variedNote(index: number, seed = 19, words = 20): string {
  const r = rng((seed * 1_000_003 + index) >>> 0);
  const t = noteTemplates();
  const base = t[index % t.length];
  const w = newWords(r, words);
  const head = `Surgeon: Dr. ${cap(word(r))} ${w.pop()}. Patient: ${cap(word(r))}, MRN ${digits(r, 8)}.\n`;
  // insert the rest after sentence ends, as dictation noise or names would be
  const ends: number[] = [];
  for (let i = base.indexOf('. '); i >= 0 && ends.length < 200; i = base.indexOf('. ', i + 2)) ends.push(i + 1);
  let text = base;
  const picks = w.map(() => (ends.length ? ends[Math.floor(r() * ends.length)] : text.length)).sort((a, b) => b - a);
  picks.forEach((at, k) => {
    text = `${text.slice(0, at)} ${w[k]}${text.slice(at)}`;
  });
  return head + text;
}

/** One CSV field, quoted. */
export const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
