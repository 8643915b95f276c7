import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, WAIT } from './helpers';
import { analyze } from '../../src/engine/index';
import { CASES } from '../../src/app/features/trainer/cases';
import { resetTrainerSession, scoreCase, parseModifiers } from '../../src/app/features/trainer/session';

beforeEach(() => resetTrainerSession());

describe('teaching cases', () => {
  it('has about ten cases across the family, each answered the same way by the engine', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(CASES.map((c) => c.family)).size).toBeGreaterThanOrEqual(4);
    for (const c of CASES) {
      const a = analyze(c.note);
      expect(a.suggestions.map((s) => ({ code: s.code, units: s.units, modifiers: s.modifiers.map((m) => m.code) })), c.id).toEqual(c.answer);
      for (const f of c.flips) expect(c.note.includes(f.from), `${c.id}/${f.id}`).toBe(true);
    }
  });

  it('scores codes, units and modifiers', () => {
    const c = CASES.find((x) => x.id === 'scs-permanent')!;
    expect(scoreCase(c, [{ code: '63650', units: 2, modifiers: [] }, { code: '63685', units: 1, modifiers: [] }]).points).toBe(6);
    expect(scoreCase(c, [{ code: '63650', units: 1, modifiers: [] }]).points).toBe(2);
    expect(scoreCase(c, [{ code: '63655', units: 1, modifiers: [] }]).points).toBe(0);
    expect(parseModifiers('rt, 58 lt')).toEqual(['RT', '58', 'LT']);
  });
});

describe('trainer view', () => {
  it('scores an answer and shows the engine reasons', async () => {
    window.location.hash = '#/trainer';
    const { user } = renderApp();
    await screen.findByTestId('trainer-view', {}, WAIT);
    await user.click(screen.getByRole('button', { name: /Spinal cord stimulator trial, two leads/ }));
    await user.click(screen.getByRole('checkbox', { name: '63650' }));
    const units = screen.getByRole('spinbutton', { name: 'Units for 63650' });
    await user.clear(units);
    await user.type(units, '2');
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const result = await screen.findByTestId('case-result');
    expect(result.dataset.points).toBe('3');
    expect(result.dataset.max).toBe('3');
    expect(screen.getByTestId('trainer-score').dataset.points).toBe('3');
    await waitFor(() => expect(screen.getByTestId('engine-lines').dataset.lines).toBe('63650 x2'), WAIT);
    expect(within(screen.getByTestId('engine-lines')).getByText('Approach: percutaneous.')).toBeInTheDocument();
  });

  it('flips one fact and the suggestion changes live', async () => {
    window.location.hash = '#/trainer';
    const { user } = renderApp();
    await screen.findByTestId('trainer-view', {}, WAIT);
    await user.click(screen.getByRole('button', { name: /Permanent spinal cord stimulator/ }));
    await user.click(screen.getByRole('button', { name: 'Flip one fact' }));
    await waitFor(() => expect(screen.getByTestId('flip-after').textContent).toBe('63650 x2, 63685 x1'), WAIT);
    await user.click(screen.getByRole('button', { name: /Strike/ }));
    expect(screen.getByTestId('flip-diff').textContent).toMatch(/pocket was created/);
    await waitFor(() => expect(screen.getByTestId('flip-after').textContent).toBe('63650 x2'), WAIT);
    expect(screen.getByTestId('flip-before').textContent).toBe('63650 x2, 63685 x1');
  });
});
