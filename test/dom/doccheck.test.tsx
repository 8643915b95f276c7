import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, sampleText, WAIT } from './helpers';

const NO_POCKET = `PREOPERATIVE DIAGNOSIS: Urinary retention, successful sacral nerve stimulation trial.
PROCEDURE: Stage 2 sacral neuromodulation, implantation of pulse generator.
ANESTHESIA: Monitored anesthesia care.

DESCRIPTION: The patient was positioned prone. The previously placed tined lead in the left S3 foramen was identified. The battery was placed in the left upper buttock. The lead was connected to the generator and impedances were normal. The wound was closed in layers.

COMPLICATIONS: None.
`;

describe('documentation check view', () => {
  it('lists the gap of a note without a pocket, its neutral question, and copies all questions', async () => {
    window.location.hash = '#/check';
    const { user } = renderApp({ text: NO_POCKET });
    const panel = await screen.findByTestId('doccheck-panel', {}, WAIT);
    await waitFor(() => expect(panel.querySelector('[data-item="pocket"]')).not.toBeNull(), WAIT);
    const pocket = panel.querySelector<HTMLElement>('[data-testid="doc-item"][data-item="pocket"]')!;
    expect(pocket.dataset.status).toBe('ambiguous');
    expect(pocket.textContent).toContain('Pocket creation');
    const questions = within(screen.getByTestId('doc-questions'));
    expect(questions.getByText(/where the pulse generator or receiver was placed/)).toBeInTheDocument();
    // the score is split: the pocket blocks 64590, anesthesia and complications are good practice
    expect(screen.getByTestId('check-against').dataset.code).toBe('64590');
    const blocking = screen.getByTestId('doc-score-blocking').dataset;
    expect([blocking.documented, blocking.total]).toEqual(['4', '5']);
    expect(within(screen.getByTestId('doc-group-blocking')).getByText('Pocket creation')).toBeInTheDocument();
    const practice = screen.getByTestId('doc-group-practice');
    expect(practice.querySelector('[data-item="anesthesia"]')).not.toBeNull();
    expect(practice.querySelector('[data-item="complications"]')).not.toBeNull();
    expect(practice.querySelector('[data-item="pocket"]')).toBeNull();
    expect(screen.getByTestId('what-would-change').textContent).toMatch(/no pocket was created/);

    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    await user.click(screen.getByRole('button', { name: 'Copy all questions' }));
    await waitFor(() => expect(screen.getByTestId('questions-copy-status').textContent).toMatch(/Copied 2 questions/));
    expect(written[0]).toContain('1. Please document where the pulse generator');
    expect(written[0]).not.toMatch(/\b\d{5}\b/);
  });

  it('marks documented items with their evidence and links codes to the reference', async () => {
    window.location.hash = '#/check';
    const { user } = renderApp({ text: sampleText('scs-ipg') });
    const panel = await screen.findByTestId('doccheck-panel', {}, WAIT);
    await waitFor(() => expect(panel.querySelectorAll('[data-testid="doc-item"]').length).toBeGreaterThan(5), WAIT);
    await user.selectOptions(screen.getByTestId('check-against-select'), '63685');
    const pocket = panel.querySelector<HTMLElement>('[data-item="pocket"]')!;
    expect(pocket.dataset.status).toBe('documented');
    expect(pocket.textContent).toContain('pocket was created');
    expect(within(panel).getAllByRole('link', { name: 'Reference for code 63685' })[0].getAttribute('href')).toBe('#/reference/63685');
  });

  it('explains when there is nothing to check', async () => {
    window.location.hash = '#/check';
    renderApp({ text: sampleText('out-of-scope') });
    expect(await screen.findByTestId('doccheck-empty', {}, WAIT)).toHaveTextContent(/No neurostimulator code applies/);
  });

  it('checks against the top suggestion and lets the user pick another code of the note', async () => {
    window.location.hash = '#/check';
    const { user } = renderApp({ text: sampleText('scs-ipg') });
    const select = await screen.findByTestId('check-against-select', {}, WAIT);
    const panel = screen.getByTestId('doccheck-panel');
    // 63650 (the leads) is the top line: a pocket does not concern it
    expect((select as HTMLSelectElement).value).toBe('63650');
    expect(panel.querySelector('[data-item="pocket"]')).toBeNull();
    expect(panel.querySelector('[data-item="arrays"]')).not.toBeNull();
    await user.selectOptions(select, '63685');
    expect(screen.getByTestId('check-against').dataset.code).toBe('63685');
    await waitFor(() => expect(panel.querySelector('[data-item="pocket"]')).not.toBeNull());
    expect(panel.querySelector<HTMLElement>('[data-item="pocket"]')!.dataset.weight).toBe('blocking');
    expect(screen.getByTestId('doc-score').dataset.code).toBe('63685');
    for (const w of panel.querySelectorAll('[data-testid="what-would-change"] li')) expect((w as HTMLElement).dataset.from).toBe('63685');
  });
});
