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

  it('a generator freed, moved to a new pocket and reconnected is a revision, not a new generator', () => {
    const a = analyze(
      'DESCRIPTION: The old incision was opened. The spinal cord stimulator IPG was dissected free of its capsule and disconnected. A fresh pocket was fashioned lower in the flank. The leads were brought into the fresh pocket and reconnected to the same IPG, which was sutured in place. Closed in layers.',
    );
    expect(a.suggestions.map((s) => s.code)).toEqual(['63688']);
  });

  it('leads coiled and sutured behind a replaced generator are not a new lead', () => {
    const a = analyze(
      'DESCRIPTION: Incision over the old scar. The depleted gastric stimulator generator was removed from its pocket after the two leads were disconnected. The leads were connected to the new generator, and the new generator was placed in the same pocket with the redundant lead coiled beneath it and sutured to fascia.',
    );
    expect(a.suggestions.map((s) => s.code)).toEqual(['64590']);
  });

  it('leads retrieved from a pocket and then connected were exposed, not removed', () => {
    const a = analyze(
      'DESCRIPTION: Planned second stage. The scalp incision was reopened and both DBS leads retrieved from under the galea. A chest pocket was made, extensions were tunnelled and connected to the leads, and the extensions were connected to a dual-channel pulse generator placed in the chest pocket.',
    );
    expect(a.events.map((e) => `${e.component}/${e.action}`)).toEqual(['generator/insertion']);
  });

  it('a nerve "identified under ultrasound" is imaging, not an open exposure', () => {
    const a = analyze(
      'DESCRIPTION: Under ultrasound the left saphenous nerve was identified. Through a needle introducer a percutaneous lead was advanced alongside the nerve and the introducer removed. The lead was connected to an external stimulator.',
    );
    expect(a.events[0].approach).toBe('percutaneous');
  });

  it('counts integrated devices as arrays ("the second integrated device")', () => {
    const a = analyze(
      'DESCRIPTION: Under ultrasound guidance an integrated peripheral nerve stimulator was deployed along the right superficial radial nerve through an introducer. Then the second integrated device was deployed along the right lateral antebrachial cutaneous nerve in the same way.',
    );
    expect(a.events[0].arrays).toBe(2);
    expect(a.suggestions.map((s) => s.code)).toEqual(['64596', '64597']);
  });

  it.each([
    ['A large clot was evacuated from the generator pocket and the bleeding vessel cauterized; the IPG was left in place.', '63688'],
    ['The sacral neuromodulator pocket seroma was drained and the pocket washed out; the INS stayed connected.', '64595'],
  ])('work on the pocket alone is a generator revision: %s', (narrative, code) => {
    const target = code === '63688' ? 'Spinal cord stimulator system in place.' : 'Sacral nerve stimulator in place.';
    const a = analyze(`HISTORY: ${target}\nDESCRIPTION: ${narrative}`);
    expect(a.suggestions.map((s) => s.code)).toEqual([code]);
  });

  it('pocket work during an explant adds nothing to the explant', () => {
    const a = analyze('DESCRIPTION: The spinal cord stimulator generator was removed from the infected pocket, the pocket was debrided and washed out, and the leads were withdrawn.');
    expect(a.events.map((e) => `${e.component}/${e.action}`).sort()).toEqual(['array/removal', 'generator/removal']);
  });

  it('a single-channel generator on each side is the single-array generator code with 50', () => {
    const a = analyze(
      'DESCRIPTION: Both DBS leads were in place from stage 1. A left and a right chest pocket were made. The left extension was tunnelled and connected to a single-channel pulse generator in the left pocket, and the right extension to a second single-channel generator in the right pocket.',
    );
    expect(a.suggestions.map((s) => `${s.code}${s.modifiers.map((m) => `-${m.code}`).join('')} x${s.units}`)).toEqual(['61885-50 x1']);
    expect(a.events[0].generators).toBe(2);
  });

  it('one dual-channel generator for two leads stays the two-array code', () => {
    const a = analyze(
      'DESCRIPTION: Both DBS leads were in place from stage 1. A right chest pocket was made, both extensions were tunnelled and connected to a dual-channel pulse generator placed in the pocket.',
    );
    expect(a.suggestions.map((s) => s.code)).toEqual(['61886']);
  });

  it('"the implanted pulse generator" names a device that is there, not an insertion', () => {
    const a = analyze('DESCRIPTION: Explant of the spinal cord stimulator: both percutaneous leads were withdrawn and the implanted pulse generator was removed from its pocket.');
    expect(a.suggestions.map((s) => s.code).sort()).toEqual(['63661', '63688']);
  });

  it('devices listed as specimens were removed, when the narrative gives them no other action', () => {
    const a = analyze('DESCRIPTION: The gastric stimulator generator was freed and set aside. The two electrodes were backed out of the antrum laparoscopically and removed.\nSPECIMENS: Generator and both electrodes.');
    expect(a.suggestions.map((s) => s.code).sort()).toEqual(['43648', '64595']);
  });

  it('"placed in surgery mode" is a setting; spinal instrumentation "hardware" is not a stimulator', () => {
    const a = analyze(
      'NOTE: She also has a spinal cord stimulator; the device was placed in surgery mode before the case, and no part of the stimulator system was exposed, revised or removed.\nDESCRIPTION: The rods and pedicle screws were removed. Hardware removal was uneventful.',
    );
    expect(a.suggestions).toEqual([]);
  });

  it('"Same on the right." adds the other side to a side found in the work', () => {
    const a = analyze('PROCEDURE: S3 PNE test.\nDESCRIPTION: Under fluoroscopy the left S3 foramen was accessed and a temporary test lead placed. Same on the right. Both leads were taped and connected to external stimulators.');
    expect(a.events[0].sides).toEqual(['left', 'right']);
  });

  it('"reconnected to the new generator" documents the connection', () => {
    const a = analyze('VNS generator replacement. Left chest incision reopened, old generator removed, lead disconnected and reconnected to the new generator, placed in the pocket.');
    expect(a.suggestions.map((s) => `${s.code}:${s.confidence}`)).toEqual(['61885:high']);
  });

  it('a dual-channel DBS generator replacement is the two-array code; a branded new gastric generator is a replacement', () => {
    expect(analyze('DBS battery change. Left chest. Old generator removed, extensions disconnected from it and connected to a new dual channel generator, into the same pocket.').suggestions.map((s) => s.code)).toEqual(['61886']);
    expect(analyze('INDICATION: Gastroparesis, gastric stimulator at end of battery life.\nPROCEDURE: The pocket was opened, the old neurostimulator explanted, the leads connected to a new Enterra II and the device replaced into the pocket.').suggestions.map((s) => s.code)).toEqual(['64590']);
  });
});

describe('microelectrode recording from the recording tracks or the procedure title', () => {
  const codes = (t: string) => analyze(t).suggestions.map((s) => s.code).sort();
  const body = 'DESCRIPTION: Frame applied. Left: burr hole made, the lead placed to the STN target and locked. Right: same on the contralateral side. Both lead tails coiled under the scalp for stage 2.';
  it('"three microelectrode tracks were passed" is recording: 61867 + 61868', () => {
    expect(codes(body.replace('Left: burr hole made,', 'Left: burr hole made, three microelectrode tracks were passed with STN activity on the central one,'))).toEqual(['61867', '61868']);
  });
  it('the title "with microelectrode recording" counts when the narrative does not deny it', () => {
    expect(codes(`PROCEDURE: Bilateral STN DBS leads with microelectrode recording.\n${body}`)).toEqual(['61867', '61868']);
    expect(codes(`PROCEDURE: Bilateral STN DBS leads with microelectrode recording.\n${body} Microelectrode recording was not performed; targeting used the MRI plan.`)).toEqual(['61863', '61864']);
  });
});
