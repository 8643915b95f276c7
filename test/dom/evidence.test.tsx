import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { HIGHLIGHT_KINDS, KIND_LABEL } from '../../src/app/lib/kinds';
import { renderApp, sampleText, WAIT } from './helpers';

function body() {
  return screen.getByTestId('evidence-body');
}

describe('evidence view', () => {
  it('highlights the words behind facts by kind, with a legend', async () => {
    const text = sampleText('scs-ipg');
    renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const legend = screen.getByTestId('legend');
    for (const k of HIGHLIGHT_KINDS) expect(within(legend).getByText(KIND_LABEL[k])).toBeInTheDocument();
    const marks = body().querySelectorAll('mark[data-kind]');
    expect(marks.length).toBeGreaterThan(5);
    const kinds = new Set([...marks].map((m) => m.getAttribute('data-kind')));
    for (const k of ['target', 'component', 'pocket', 'connection']) expect(kinds).toContain(k);
    // Every affirmed fact's evidence appears highlighted, at the same place in the note.
    const a = analyze(text);
    expect(body().textContent).toBe(text);
    const pocket = a.facts.find((f) => f.kind === 'pocket' && f.assertion === 'affirmed');
    expect(pocket).toBeTruthy();
    const pocketMarks = [...body().querySelectorAll('mark[data-kind="pocket"][data-counts="true"]')].map((m) => m.textContent);
    expect(pocketMarks.join(' ')).toContain(pocket!.evidence[0].text.split(' ')[0]);
  });

  it('shows negated mentions struck through, with a title saying why they do not count', async () => {
    const text = sampleText('sacral-stage1');
    renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const a = analyze(text);
    const negated = a.matches.find((m) => m.kind === 'pocket' && m.assertion === 'negated');
    expect(negated).toBeTruthy();
    const marks = [...body().querySelectorAll<HTMLElement>('mark[data-counts="false"]')];
    const pocketMark = marks.find((m) => m.getAttribute('data-fact-kind') === 'pocket');
    expect(pocketMark).toBeTruthy();
    expect(pocketMark!.title).toMatch(/does not count/i);
    expect(pocketMark!.title).toContain(`negated by '${negated!.cue!.text.toLowerCase()}'`);
    expect(pocketMark).toHaveAttribute('data-assertion', 'negated');
  });

  it('lights up the spans of a reason on hover and focus', async () => {
    const { user } = renderApp({ text: sampleText('scs-ipg') });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const reason = screen.getAllByRole('button').find((b) => b.textContent?.startsWith('A pocket for the generator'))
      ?? screen.getAllByRole('button').filter((b) => b.hasAttribute('data-reason-id'))[0];
    expect(body().querySelector('[data-active="true"]')).toBeNull();
    await user.hover(reason);
    const active = [...body().querySelectorAll('[data-active="true"]')].map((m) => m.textContent).join('|');
    expect(active.length).toBeGreaterThan(0);
    await user.unhover(reason);
    expect(body().querySelector('[data-active="true"]')).toBeNull();
    reason.focus();
    await waitFor(() => expect(body().querySelector('[data-active="true"]')).not.toBeNull());
  });

  it('clicking a highlight shows which reasons use it; arrows move between highlights', async () => {
    const { user } = renderApp({ text: sampleText('scs-ipg') });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const pocketMark = body().querySelector<HTMLElement>('mark[data-kind="pocket"][data-counts="true"]')!;
    await user.click(pocketMark);
    const panel = screen.getByTestId('selected-evidence');
    expect(within(panel).getByText(/63685/)).toBeInTheDocument();
    // keyboard: the roving highlight moves with the arrow keys and Enter selects
    const first = body().querySelector<HTMLElement>('mark[tabindex="0"]')!;
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.tagName).toBe('MARK');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('selected-evidence')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('selected-evidence')).toBeNull();
  });

  // issue 19: a long note is drawn in chunks; a reason's words in a later chunk still light up
  it('a long note: the pane holds the whole note, and a reason whose words are far down lights them up', async () => {
    const filler = 'Dictated and reviewed; the remainder of this page is blank.\n'.repeat(400);
    const text = filler + sampleText('scs-ipg');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    await waitFor(() => expect(body().textContent).toBe(text), WAIT);
    expect(body().querySelectorAll('.ev-chunk').length).toBeGreaterThan(3);
    const reason = screen.getAllByRole('button').filter((b) => b.hasAttribute('data-reason-id'))[0];
    await user.hover(reason);
    const lit = [...body().querySelectorAll<HTMLElement>('[data-active="true"]')];
    expect(lit.length).toBeGreaterThan(0);
    // the lit words are in the note, past the filler
    const before = (el: HTMLElement) => {
      const r = document.createRange();
      r.setStart(body(), 0);
      r.setEndBefore(el);
      return r.toString().length;
    };
    expect(before(lit[0])).toBeGreaterThanOrEqual(filler.length);
    expect(body().textContent).toBe(text);
  });
});
