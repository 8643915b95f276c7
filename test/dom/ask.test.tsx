/**
 * The Ask view with the real question engine (src/engine/ask) injected through the analyzer,
 * running in Node: question box, answers with sources and confidence, links, the honest
 * "not in our reference" reply, and the SuggestedQuestions links.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { ask } from '../../src/engine/ask/index';
import type { Analyzer } from '../../src/worker/api';
import { parseHash } from '../../src/app/lib/route';
import { SuggestedQuestions, suggestedQuestions } from '../../src/app/features/ask/suggested-questions';
import { renderApp, WAIT } from './helpers';

const askingAnalyzer: Analyzer = {
  analyze: async (text: string) => analyze(text),
  ready: async () => ({ loadMs: 0 }),
  ask: async (q: string) => ask(q),
};

afterEach(() => {
  window.location.hash = '';
});

describe('Ask view', () => {
  it('answers a question from the URL with sources, confidence and code links', async () => {
    window.location.hash = '#/ask/' + encodeURIComponent('What is the difference between 64590 and 63685?');
    renderApp({ analyzer: askingAnalyzer });
    const answer = await screen.findByTestId('answer', {}, WAIT);
    expect(answer).toHaveAttribute('data-answered', 'true');
    expect(answer).toHaveAttribute('data-type', 'compare');
    expect(within(answer).getByTestId('answer-summary')).toHaveTextContent('64590 or 63685');
    const sections = within(answer).getAllByTestId('answer-section');
    expect(sections.length).toBeGreaterThan(2);
    expect(sections[0]).toHaveTextContent(/Source:/);
    // the one-line answer comes first; sources are named as a coder cites them
    expect(within(answer).getByTestId('answer-summary')).toHaveTextContent(/the target decides/);
    expect(answer.textContent).not.toMatch(/\.(md|ts)\b|src\/|kb\/|§|Answer · /);
    expect(answer.textContent).toMatch(/CPT code descriptor/);
    const links = within(within(answer).getByTestId('answer-links')).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#/reference/64590', '#/reference/63685', '#/compare/64590,63685']);
    expect(screen.getByRole('searchbox', { name: 'Your question' })).toHaveValue('What is the difference between 64590 and 63685?');
  });

  it('asks a typed question and puts it in the URL', async () => {
    window.location.hash = '#/ask';
    const { user } = renderApp({ analyzer: askingAnalyzer });
    expect(screen.getByRole('heading', { name: 'Ask a coding question' })).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Your question' });
    await user.type(box, 'Which modifier for a left sacral lead?');
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await waitFor(() => expect(parseHash(window.location.hash)).toEqual({ view: 'ask', param: 'Which modifier for a left sacral lead?' }));
    const answer = await screen.findByTestId('answer', {}, WAIT);
    expect(answer).toHaveTextContent('LT is allowed on 64561');
    expect(answer).toHaveAttribute('data-type', 'modifier');
  });

  it('says "not in our reference" for an unanswerable question, with the closest pages', async () => {
    window.location.hash = '#/ask/' + encodeURIComponent('How do I code a cardiac pacemaker lead replacement?');
    renderApp({ analyzer: askingAnalyzer });
    const answer = await screen.findByTestId('answer', {}, WAIT);
    expect(answer).toHaveAttribute('data-answered', 'false');
    expect(answer).toHaveTextContent('Not in our reference');
    expect(within(answer).queryByTestId('confidence-badge')).toBeNull();
    expect(answer.textContent).not.toMatch(/confidence/);
    expect(within(answer).queryByTestId('answer-links')).toBeNull();
    const closest = within(answer).getByTestId('answer-closest');
    expect(within(closest).getAllByRole('link')[0].getAttribute('href')).toMatch(/^#\/reference\/\d{5}$/);
  });

  it('offers example questions when none is asked', () => {
    window.location.hash = '#/ask';
    renderApp({ analyzer: askingAnalyzer });
    const examples = screen.getByRole('link', { name: 'Is fluoroscopy billed with 64596?' });
    expect(parseHash(examples.getAttribute('href') ?? '')).toEqual({ view: 'ask', param: 'Is fluoroscopy billed with 64596?' });
  });

  it('tells the user when the analyzer cannot answer questions', () => {
    window.location.hash = '#/ask/' + encodeURIComponent('What is 63688?');
    renderApp({ analyzer: { analyze: askingAnalyzer.analyze, ready: askingAnalyzer.ready } });
    expect(screen.getByText('Questions are not available in this build.')).toBeInTheDocument();
  });
});

describe('SuggestedQuestions', () => {
  it('links "why not" and follow-up questions to the Ask view, and each one is answered', () => {
    render(<SuggestedQuestions code="64590" alternatives={[{ code: '64595' }, { code: '63685' }, { code: '64590' }]} />);
    const links = screen.getAllByRole('link');
    const qs = links.map((l) => parseHash(l.getAttribute('href') ?? '').param);
    expect(qs).toEqual(['Why 64590 and not 64595?', 'Why 64590 and not 63685?', 'What must the note show for 64590?', 'Which modifiers can apply to 64590?']);
    expect(suggestedQuestions('64590', [])).toHaveLength(2);
    for (const q of qs) {
      const a = ask(q ?? '');
      expect(a.answered).toBe(true);
      expect(a.codes).toContain('64590');
    }
    expect(ask('Why 64590 and not 64595?').answerText.map((s) => s.text).join(' ')).toContain('swap is 64590 alone');
  });
});
