import { describe, expect, it } from 'vitest';
import type { Span } from '../types';
import { resolveAction } from './events';
import { analyze } from '../index';

const acts = (...names: string[]) => new Map<string, Span[]>(names.map((n) => [n, [{ start: 0, end: n.length, text: n === 'new' ? 'new' : n }]]));

describe('resolveAction', () => {
  it.each([
    [['insertion'], 'insertion'],
    [['removal'], 'removal'],
    [['removal', 'insertion'], 'replacement'],
    [['replacement'], 'replacement'],
    [['revision'], 'revision'],
    [['removal', 'putBack'], null],
    [['implied'], 'insertion'],
  ])('%j → %s', (names, expected) => {
    expect(resolveAction(acts(...(names as string[])), false, 'generator')).toBe(expected);
  });

  it('reads a device taken out and put back into a new pocket as a revision', () => {
    expect(resolveAction(acts('removal', 'putBack'), false, 'generator', true)).toBe('revision');
  });

  it('ignores the removal of trial leads when permanent leads go in', () => {
    expect(resolveAction(acts('removal', 'insertion'), true, 'array')).toBe('insertion');
  });
});

const events = (t: string) => analyze(t).events.map((e) => `${e.target}/${e.component}/${e.action}`);

describe('events from notes', () => {
  it('pairs each action with the device it acts on', () => {
    expect(events('The needle was removed and the lead was advanced to T8 in the epidural space.')).toEqual(['spinal/array/insertion']);
  });

  it('does not count a negated or planned placement', () => {
    expect(events('Epidural SCS trial discussed. No lead was placed today. We will place two leads next week if insurance approves.')).toEqual([]);
  });

  it('reads a generator replacement from removal of the old one and placement of a new one', () => {
    const e = events('Sacral neuromodulation battery at end of life. The old InterStim generator was removed from the existing pocket; a new generator was connected to the tined lead and placed in the pocket.');
    expect(e).toEqual(['sacral/generator/replacement']);
  });

  it('counts arrays from number words next to the array', () => {
    const a = analyze('Under fluoroscopy two percutaneous leads were advanced in the epidural space to T8 and anchored.');
    expect(a.events[0].arrays).toBe(2);
  });
});
