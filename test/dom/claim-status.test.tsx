import { describe, expect, it, vi, afterEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import type { Analysis } from '../../src/engine/types';
import { engineAnalyzer, renderApp, sampleText, WAIT } from './helpers';

afterEach(() => vi.restoreAllMocks());

function mockClipboard() {
  const writeText = vi.fn(async (_: string) => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

/** An analyzer that answers with a constructed analysis (the real one with some fields replaced). */
function fixed(make: (text: string) => Analysis) {
  return { ...engineAnalyzer, analyze: async (text: string) => make(text) };
}

describe('claim line status', () => {
  it('a ready note says "Ready to code" and marks each line ready', async () => {
    const text = sampleText('scs-trial');
    renderApp({ text });
    const cards = await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(cards.map((c) => c.getAttribute('data-status'))).toEqual(['ready']);
    expect(within(cards[0]).getByTestId('line-status')).toHaveTextContent('Ready');
    expect(screen.getByTestId('review-summary')).toHaveTextContent('Ready to code');
  });

  it('a note with things to check says "Check N things", once per distinct reason, with the question and highlight', async () => {
    const text = sampleText('scs-ipg');
    const a = analyze(text);
    const distinct = new Set(a.suggestions.flatMap((s) => (s.reviewReasons ?? []).map((r) => `${r.id}|${r.text}`)));
    expect(distinct.size).toBeGreaterThan(0);
    const { user, store } = renderApp({ text });
    const summary = await screen.findByTestId('review-summary', undefined, WAIT);
    expect(summary).toHaveAttribute('data-status', 'review');
    expect(within(summary).getByTestId('review-count')).toHaveTextContent(`Check ${distinct.size} thing${distinct.size === 1 ? '' : 's'}`);
    const first = a.suggestions.flatMap((s) => s.reviewReasons ?? [])[0];
    expect(within(summary).getAllByText(first.text).length).toBe(1);
    expect(within(summary).getAllByTestId('review-question')[0]).toHaveTextContent(first.question!);
    // clicking the reason pins its words in the note (the existing highlight mechanism)
    await user.click(within(summary).getAllByRole('button')[0]);
    expect(store.getState().pinned?.spans).toEqual(first.evidence);
    for (const card of screen.getAllByTestId('suggestion')) {
      expect(card).toHaveAttribute('data-status', 'review');
      expect(within(card).getByTestId('line-status')).toHaveTextContent(/^Review/);
      expect(within(card).getByTestId('line-review')).toBeInTheDocument();
    }
  });

  it('a generator line says why it has no side when the note names one', async () => {
    const text = sampleText('sacral-stage2');
    const { unmount } = renderApp({ text });
    const [card] = await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(card).toHaveAttribute('data-code', '64590');
    expect(within(card).getByTestId('no-side')).toHaveTextContent(/generator codes take no side/);
    unmount();
    // an electrode line with its side gets no such note
    const other = sampleText('sacral-stage1');
    renderApp({ text: other });
    const cards = await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(cards.map((c) => c.getAttribute('data-line'))).toEqual(['64561-RT x1']);
    expect(within(cards[0]).queryByTestId('no-side')).toBeNull();
  });

  it('reasons on the card carry no internal file names or section signs', async () => {
    const text = sampleText('vns');
    const raw = analyze(text).suggestions.flatMap((s) => [...s.reasons, ...s.modifiers.flatMap((m) => m.reasons)]).map((r) => r.text).join(' ');
    expect(raw).toMatch(/\.md|§/); // the engine's reason carries its source note …
    renderApp({ text });
    const [card] = await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(card.textContent).toContain('LT: the procedure was on the left side of a paired structure.');
    expect(card.textContent).not.toMatch(/\.md\b|§/); // … the card does not
    expect(screen.getByTestId('print-summary').textContent).not.toMatch(/\.md\b|§/);
  });

  it('device and facility codes sit in their own collapsed section, not among the ⚠ checks', async () => {
    const text = sampleText('sacral-stage2');
    const a = analyze(text);
    expect(a.warnings.some((w) => w.kind === 'device')).toBe(true);
    renderApp({ text });
    const info = await screen.findByTestId('device-info', undefined, WAIT);
    expect(info.tagName).toBe('DETAILS');
    expect(info).not.toHaveAttribute('open');
    expect(info).toHaveTextContent('Device and facility codes (information)');
    expect(info.textContent).toMatch(/\bC\d{4}\b/);
    const checks = screen.getByTestId('checks');
    expect(checks.textContent).not.toMatch(/Device codes that usually go with/);
    expect(checks.textContent).not.toMatch(/\bC1\d{3}\b/);
    // the global-period warning (an edit) stays a ⚠ check
    expect(checks).toHaveTextContent(/global period/);
  });
});

describe('abstain', () => {
  const abstained = (text: string): Analysis => ({
    ...analyze(text),
    inScope: true,
    suggestions: [],
    warnings: [],
    questions: [],
    abstain: {
      fact: 'target',
      message: 'The note documents a generator replacement but not which stimulator system it belongs to.',
      question: 'Which stimulator was the battery changed on: spinal cord, sacral, vagus nerve, or deep brain?',
      candidates: [
        { code: '63685', when: 'spinal cord stimulator' },
        { code: '64590', when: 'sacral or peripheral nerve stimulator' },
        { code: '61885', when: 'vagus nerve or deep brain stimulator, one array' },
      ],
      evidence: [{ start: 0, end: 10, text: text.slice(0, 10) }],
    },
  });

  it('shows which fact is missing, the candidates side by side and the question, not the generic "no code"', async () => {
    const text = 'Stimulator battery changed.';
    renderApp({ text, analyzer: fixed(abstained) });
    const panel = await screen.findByTestId('abstain', undefined, WAIT);
    expect(panel).toHaveTextContent(/does not say which system or nerve/);
    expect(within(panel).getByTestId('abstain-message')).toHaveTextContent('not which stimulator system');
    const codes = within(within(panel).getByTestId('abstain-candidates')).getAllByRole('listitem').map((li) => li.getAttribute('data-code'));
    expect(codes).toEqual(['63685', '64590', '61885']);
    expect(within(panel).getByTestId('abstain-question')).toHaveTextContent('Which stimulator was the battery changed on');
    expect(screen.queryByTestId('out-of-scope')).toBeNull();
    expect(screen.queryByText(/does not document enough to support a code/)).toBeNull();
  });

  it('copy carries the missing fact, the candidates and the question, and the print summary shows them', async () => {
    const text = 'Stimulator battery changed.';
    const { user } = renderApp({ text, analyzer: fixed(abstained) });
    await screen.findByTestId('abstain', undefined, WAIT);
    const writeText = mockClipboard();
    await user.click(screen.getByRole('button', { name: 'Copy lines' }));
    const copied = writeText.mock.calls[0][0];
    expect(copied.split('\n')).toEqual([
      'No code chosen: The note documents a generator replacement but not which stimulator system it belongs to.',
      'Missing fact: which system or nerve the device is on',
      'Candidate 63685: spinal cord stimulator',
      'Candidate 64590: sacral or peripheral nerve stimulator',
      'Candidate 61885: vagus nerve or deep brain stimulator, one array',
      'Ask the surgeon: Which stimulator was the battery changed on: spinal cord, sacral, vagus nerve, or deep brain?',
    ]);
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    const json = JSON.parse(writeText.mock.calls[1][0]);
    expect(json.abstain).toMatchObject({ fact: 'target', candidates: [{ code: '63685' }, { code: '64590' }, { code: '61885' }] });
    const print = screen.getByTestId('print-abstain');
    expect(print).toHaveTextContent('Ask the surgeon: Which stimulator');
    expect(print).toHaveTextContent('64590');
  });
});
