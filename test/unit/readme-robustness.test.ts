/**
 * Issue 19, finding 4: `frame-ancestors` only works as a response header (browsers ignore it in a
 * <meta> policy), and the README did not tell a host to send it. The README's Robustness section
 * must say so, with the header line; `vite preview` sends it (checked in real Chromium in
 * test/e2e/robustness.e2e.test.ts), and the <meta> policy does not carry it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Robustness'), readme.indexOf('\n## ', readme.indexOf('## Robustness') + 5));

describe('README: Robustness', () => {
  it('tells a host to send frame-ancestors as a response header', () => {
    expect(section).toContain("Content-Security-Policy: frame-ancestors 'none'");
    expect(section).toMatch(/response header/);
  });

  it('the preview server sends it and the <meta> policy leaves it out', () => {
    const config = readFileSync('vite.config.ts', 'utf8');
    expect(config).toMatch(/CSP_HEADER = `\$\{CSP\}; frame-ancestors 'none'`/);
    expect(config).toMatch(/'Content-Security-Policy': CSP_HEADER/);
    expect(config).not.toMatch(/CSP_DIRECTIVES[^}]*frame-ancestors/);
  });

  it('reports the 100,000-note memory run, with and without recycling', () => {
    expect(section).toMatch(/scripts\/memory-100k\.ts/);
    expect(section).toMatch(/without recycling/i);
  });
});
