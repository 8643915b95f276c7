import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { analyze } from '../../src/engine/index';
import { renderApp, sampleText, WAIT } from './helpers';

describe('why not', () => {
  it('lists, per suggestion, the codes considered and what ruled each out', async () => {
    const text = sampleText('scs-ipg');
    const { user } = renderApp({ text });
    const cards = await screen.findAllByTestId('suggestion', undefined, WAIT);
    const a = analyze(text);
    const idx = a.suggestions.findIndex((s) => s.alternatives.length > 0);
    expect(idx).toBeGreaterThanOrEqual(0);
    const s = a.suggestions[idx];
    const why = within(cards[idx]).getByTestId('why-not') as HTMLDetailsElement;
    expect(why.open).toBe(false);
    await user.click(within(why).getByText(/why not other codes/i));
    expect(why.open).toBe(true);
    const list = within(why).getByRole('list', { name: `Codes considered instead of ${s.code}` });
    for (const alt of s.alternatives) {
      expect(within(list).getAllByText(alt.code).length).toBeGreaterThan(0);
      expect(within(list).getAllByText(alt.whyNot).length).toBeGreaterThan(0);
    }
  });

  it('highlights the fact that ruled an alternative out', async () => {
    const text = sampleText('scs-ipg');
    const { user } = renderApp({ text });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const a = analyze(text);
    const withEv = a.suggestions.flatMap((s, i) => s.alternatives.map((alt, j) => ({ alt, id: `s${i}-a${j}` }))).find((x) => (x.alt.evidence?.length ?? 0) > 0);
    if (!withEv) return; // engine gives no evidence for any alternative of this note
    const btn = document.querySelector<HTMLElement>(`[data-reason-id="${withEv.id}"]`)!;
    await user.hover(btn);
    const active = document.querySelectorAll('#evidence-body [data-active="true"]');
    expect(active.length).toBeGreaterThan(0);
  });
});
