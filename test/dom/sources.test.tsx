/**
 * Source naming in the Ask view and the code reference: one naming for both, as a coder cites
 * it; no confidence badge where the text already says what to check, or on "not in our reference".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { ask } from '../../src/engine/ask/index';
import type { Analyzer } from '../../src/worker/api';
import { renderApp, WAIT } from './helpers';

const askingAnalyzer: Analyzer = {
  analyze: async (text: string) => analyze(text),
  ready: async () => ({ loadMs: 0 }),
  ask: async (q: string) => ask(q),
};

afterEach(() => {
  window.location.hash = '';
});

describe('Ask: sources and badges', () => {
  it('a bundling pair from the NCCI table: one-line answer first, the table named, no badge and no "unconfirmed — verify"', async () => {
    window.location.hash = '#/ask/' + encodeURIComponent('Can I bill 77003 with 63650?');
    renderApp({ analyzer: askingAnalyzer });
    const answer = await screen.findByTestId('answer', {}, WAIT);
    expect(within(answer).getByTestId('answer-summary').textContent).toMatch(/^Only with a modifier — /);
    const bundling = within(answer).getAllByTestId('answer-section').find((s) => /Bundling/.test(s.textContent ?? ''))!;
    expect(bundling.textContent).toMatch(/Source: CMS NCCI procedure-to-procedure edits, practitioner table/);
    expect(within(bundling).queryByTestId('confidence-badge')).toBeNull();
    expect(answer.textContent).not.toMatch(/unconfirmed\s*[—-]\s*verify/i);
  });

  it('"not in our reference" carries no confidence badge', async () => {
    window.location.hash = '#/ask/' + encodeURIComponent("What's the weather in Paris tomorrow?");
    renderApp({ analyzer: askingAnalyzer });
    const answer = await screen.findByTestId('answer', {}, WAIT);
    expect(answer.dataset.answered).toBe('false');
    expect(within(answer).queryByTestId('confidence-badge')).toBeNull();
    expect(answer.textContent).not.toMatch(/confidence/i);
  });
});

describe('Code reference: the same source naming', () => {
  it('names sources and payer policies as the Ask answers do', async () => {
    window.location.hash = '#/reference/63650';
    renderApp();
    const page = await screen.findByTestId('reference-page', {}, WAIT);
    const sources = within(page).getByTestId('ref-section-sources').textContent ?? '';
    expect(sources).toMatch(/CPT Assistant, April 2011/);
    // never the registry's working titles or file names
    expect(sources).not.toMatch(/working reference|code pages|blog|forum thread|\.(md|ts)\b|§/);
    const medicare = within(page).getAllByTestId('payer-row').find((r) => r.dataset.payer === 'Medicare')!;
    expect(within(medicare).getByRole('link').textContent).toMatch(/^Medicare NCD 160\.7; LCD L37632/);
    expect(page.textContent).not.toMatch(/unconfirmed\s*[—-]\s*verify/i);
  });
});
