/**
 * What a coder reads is plain language: highlight tooltips name facts in words (no
 * "globalPeriod: within" or "assistant: physician" on a PA-C), English words are not read as
 * device words ("60 percent"), a body position is not an implant act ("placed prone"),
 * developer numbers stay behind the developer toggle, Enter in the reference search opens a
 * code, and the print summary carries date-of-service / account / reviewer fields.
 */
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, WAIT } from './helpers';

const NOTE = `DATE OF SERVICE: 06/17/2031
PROCEDURE: Spinal cord stimulator trial.
Assistant: Jane Roe, PA-C.
The patient was placed prone on the table. She reported 60 percent relief with the prior injections.
This session falls within the global period of her earlier procedure.
Two percutaneous leads were placed into the epidural space at T8 under fluoroscopic guidance and connected to an external stimulator.
`;

async function marks() {
  const body = await screen.findByTestId('evidence-body', {}, WAIT);
  await waitFor(() => expect(body.querySelectorAll('mark[data-kind]').length).toBeGreaterThan(3), WAIT);
  return [...body.querySelectorAll<HTMLElement>('mark[data-kind]')];
}

describe('plain words for a coder', () => {
  it('tooltips name facts in words, never as the engine’s kind: value', async () => {
    renderApp({ text: NOTE });
    const all = await marks();
    const titles = all.map((m) => m.title);
    for (const t of titles) {
      expect(t).not.toMatch(/\b(globalPeriod|assistant|component|action|approach|target|trial|external|count): [a-zA-Z]+\b/);
      expect(t).not.toMatch(/\b[a-z]+[A-Z][a-z]+\b/); // no camelCase names
    }
    const byText = (w: string) => all.filter((m) => m.textContent?.toLowerCase() === w.toLowerCase()).map((m) => m.title).join('\n');
    expect(byText('PA-C')).toMatch(/physician assistant, nurse practitioner or clinical nurse specialist/);
    expect(byText('Assistant')).not.toMatch(/\(physician\)|: physician/);
    // English words are not device words, and a body position is not an insertion
    expect(all.some((m) => m.textContent === 'percent')).toBe(false);
  });

  it('does not mark "placed prone" as an act, but does mark the leads placed', async () => {
    renderApp({ text: NOTE });
    const all = await marks();
    const actions = all.filter((m) => m.dataset.kind === 'action').map((m) => m.textContent);
    // one "placed" in the note is the leads'; the other is the patient's position
    expect(actions.filter((t) => t === 'placed')).toHaveLength(1);
  });

  it('keeps token counts and timings behind the developer toggle', async () => {
    const { store } = renderApp({ text: NOTE });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    expect(screen.queryByTestId('stats')).toBeNull();
    expect(screen.getByTestId('claims-panel').textContent).not.toMatch(/tokens|\d ms\b/);
    act(() => store.getState().setDevDetails(true));
    expect(await screen.findByTestId('stats')).toHaveTextContent(/tokens · \d+ ms/);
  });

  it('the print summary has date-of-service (read from the note), account and reviewer fields', async () => {
    renderApp({ text: NOTE });
    await screen.findAllByTestId('suggestion', undefined, WAIT);
    const fields = within(screen.getByTestId('print-fields'));
    expect(fields.getByText('Date of service:').nextElementSibling).toHaveTextContent('06/17/2031');
    expect(fields.getByText('Account / encounter no.:')).toBeInTheDocument();
    expect(fields.getByText('Reviewed by:')).toBeInTheDocument();
    expect(fields.getByText('Date reviewed:')).toBeInTheDocument();
  });

  it('Enter in the reference search opens the best match', async () => {
    window.location.hash = '#/reference';
    try {
      const { user } = renderApp();
      const box = await screen.findByTestId('reference-search', {}, WAIT);
      await user.type(box, 'hypoglossal{Enter}');
      await waitFor(() => expect(window.location.hash).toMatch(/^#\/reference\/\d{5}$/));
      expect(await screen.findByTestId('reference-page')).toHaveAttribute('data-code', window.location.hash.slice(-5));
      await user.clear(screen.getByTestId('reference-search'));
      await user.type(screen.getByTestId('reference-search'), '64590{Enter}');
      await waitFor(() => expect(window.location.hash).toBe('#/reference/64590'));
    } finally {
      window.location.hash = '';
    }
  });
});
