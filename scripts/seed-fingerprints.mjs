#!/usr/bin/env node
/**
 * Writes test/fixtures/seed-fingerprints.json: hashes of every 8-word run of the seed pages in
 * ../shared/seeds. The tests check our own wording against these hashes, so the check runs on a
 * clone without the seeds, and the seed prose itself is never stored in the repository.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const N = 8;
export function words(s) {
  return s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}
export function gramHash(g) {
  return createHash('sha1').update(g).digest('hex').slice(0, 12);
}

const dir = process.argv[2] ?? join('..', 'shared', 'seeds');
const hashes = new Set();
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const w = words(readFileSync(join(dir, f), 'utf8'));
  for (let i = 0; i + N <= w.length; i++) hashes.add(gramHash(w.slice(i, i + N).join(' ')));
}
writeFileSync('test/fixtures/seed-fingerprints.json', JSON.stringify({ n: N, hash: 'sha1-12', grams: [...hashes].sort() }) + '\n');
console.log(`${hashes.size} fingerprints written`);
