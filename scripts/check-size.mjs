#!/usr/bin/env node
/**
 * Size budget: the JavaScript needed for the first paint (the entry script and the chunks it
 * preloads, gzip) must stay under the budget in size-budget.json; the lazily loaded engine/model
 * worker chunk is reported beside it. Runs after `vite build`; exits 1 over budget.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstPaint = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
const firstPaintBytes = firstPaint.reduce((n, f) => n + gz(f), 0);
const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = assets.filter((f) => !firstPaint.includes(`assets/${f}`)).map((f) => ({ file: f, raw: statSync(join(dist, 'assets', f)).size, gzip: gz(join('assets', f)) }));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first-paint JS (gzip): ${kb(firstPaintBytes)} (budget ${kb(budget.firstPaintGzipBytes)}) — ${firstPaint.join(', ')}`);
const biggest = lazy.sort((a, b) => b.gzip - a.gzip)[0];
if (biggest) console.log(`largest lazy chunk: ${biggest.file} ${kb(biggest.raw)} raw / ${kb(biggest.gzip)} gzip`);
if (firstPaintBytes > budget.firstPaintGzipBytes) {
  console.error(`size budget exceeded: first-paint JS is ${kb(firstPaintBytes)}, budget ${kb(budget.firstPaintGzipBytes)}`);
  process.exit(1);
}
