import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ASSISTANT_PAYABLE_CODES,
  ASSISTANT_WITH_DOCUMENTATION_CODES,
  BILATERAL_CODES,
  COSURGERY_CODES,
  MODIFIER_DATA,
  SIDED_ARRAY_CODES,
  TEAM_CODES,
} from './modifiers';
import { CODE_REF_DATA } from './codes';
import {
  CodeRefSchema,
  DEVICE_CODES,
  FAMILY_CODES,
  MODIFIER_DICTIONARY,
  NONEXISTENT_MODIFIERS,
  NONEXISTENT_MODIFIER_NOTES,
  PAYERS,
  PAYER_GROUPS,
  PAYER_NOTES,
  PROGRAMMING_REFERENCE_CODES,
  REFERENCE,
  ReferenceSchema,
  SOURCE_REGISTRY,
  getCodeRef,
  isNonexistentModifier,
  listCodeRefs,
  payerNotesFor,
  referenceText,
} from './index';

const ALL_CODES = [...FAMILY_CODES, ...PROGRAMMING_REFERENCE_CODES];

describe('reference schema', () => {
  it('validates the whole reference', () => {
    const result = ReferenceSchema.safeParse({
      codes: REFERENCE.codes,
      devices: REFERENCE.devices,
      payers: REFERENCE.payers,
      modifiers: REFERENCE.modifiers,
      nonexistentModifiers: REFERENCE.nonexistentModifiers,
    });
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it('rejects modifier 11 and a 50 on a BILAT-0 code', () => {
    const base = CODE_REF_DATA.find((c) => c.code === '63650')!;
    expect(CodeRefSchema.safeParse({ ...base, commonModifiers: [{ modifier: '11', when: 'never valid' }] }).success).toBe(false);
    expect(CodeRefSchema.safeParse({ ...base, commonModifiers: [{ modifier: '50', when: 'both sides' }] }).success).toBe(false);
  });

  it('rejects an add-on without addOnTo', () => {
    const base = CODE_REF_DATA.find((c) => c.code === '64597')!;
    const { addOnTo: _ignored, ...rest } = base;
    expect(CodeRefSchema.safeParse(rest).success).toBe(false);
  });
});

describe('codes', () => {
  it('has every family code and the programming reference codes, once each', () => {
    const codes = listCodeRefs().map((c) => c.code);
    for (const code of ALL_CODES) expect(codes, code).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(ALL_CODES.length);
  });

  it('getCodeRef finds entries and returns undefined for others', () => {
    expect(getCodeRef('64590')?.short).toBeTruthy();
    expect(getCodeRef(' 63685 ')?.code).toBe('63685');
    expect(getCodeRef('99213')).toBeUndefined();
  });

  it('every code has sources, and keyed sources exist in the registry', () => {
    for (const c of listCodeRefs()) {
      expect(c.sources.length, c.code).toBeGreaterThan(0);
      for (const s of c.sources) {
        if (s.key) expect(Object.keys(SOURCE_REGISTRY), `${c.code} ${s.key}`).toContain(s.key);
      }
      expect(c.medicare.source.key).toBe('PFS26');
    }
  });

  it('short labels are 3-8 words and descriptions 1-2 sentences', () => {
    for (const c of listCodeRefs()) {
      const words = c.short.trim().split(/\s+/).length;
      expect(words, c.code).toBeGreaterThanOrEqual(3);
      expect(words, c.code).toBeLessThanOrEqual(8);
      const sentences = c.description.split(/(?<=[.!?])\s+(?=[A-Z])/).filter(Boolean);
      expect(sentences.length, `${c.code}: ${c.description}`).toBeLessThanOrEqual(2);
    }
  });

  it('add-ons have addOnTo and global ZZZ, and only they do', () => {
    const addOns = { '64597': '64596', '61864': '61863', '61868': '61867' } as const;
    for (const [code, primary] of Object.entries(addOns)) {
      const c = getCodeRef(code)!;
      expect(c.globalDays).toBe('ZZZ');
      expect(c.addOnTo).toEqual([primary]);
      expect(c.unitRule.kind).toBe('per-additional-array');
    }
    for (const c of listCodeRefs()) {
      if (!(c.code in addOns)) {
        expect(c.globalDays, c.code).not.toBe('ZZZ');
        expect(c.addOnTo ?? [], c.code).toEqual([]);
      }
    }
  });

  it('global days match the CY2026 fee schedule', () => {
    const expected: Record<string, string> = {
      '63650': '010', '63655': '090', '63661': '010', '63662': '090', '63663': '010', '63664': '090', '63685': '010', '63688': '010',
      '64553': '010', '64555': '010', '64561': '010', '64566': '000', '64568': '090', '64569': '090', '64570': '090', '64575': '090',
      '64580': '090', '64581': '090', '64582': '090', '64583': '090', '64584': '090', '64585': '010', '64590': '010', '64595': '010',
      '64596': '010', '64597': 'ZZZ', '64598': '010', '61863': '090', '61864': 'ZZZ', '61867': '090', '61868': 'ZZZ', '61885': '090',
      '61886': '090', '61888': '010', '43647': 'YYY', '43648': 'YYY', '43881': 'YYY', '43882': 'YYY', '95970': 'XXX', '95971': 'XXX', '95972': 'XXX',
    };
    for (const [code, days] of Object.entries(expected)) expect(getCodeRef(code)?.globalDays, code).toBe(days);
  });

  it('unit kinds use the machine vocabulary, with arrays counted where the convention says', () => {
    for (const code of ['63650', '64555', '64561']) expect(getCodeRef(code)!.unitRule.kind).toBe('per-array');
    expect(getCodeRef('64566')!.unitRule.kind).toBe('per-treatment');
    expect(getCodeRef('63685')!.unitRule.kind).toBe('per-session');
  });

  it('generator insert/replace codes require a pocket and a connection', () => {
    for (const code of ['63685', '64590', '61885', '61886']) {
      const req = getCodeRef(code)!.requires.join(' | ');
      expect(req, code).toMatch(/pocket created or reopened/);
      expect(req, code).toMatch(/connected to the implanted generator/);
    }
  });

  it('imaging guidance is included for 64561 and 64596', () => {
    for (const code of ['64561', '64596']) expect(getCodeRef(code)!.includes.join(' '), code).toMatch(/imaging|guidance/);
  });

  it('64590 and 63685 are told apart by target', () => {
    const diff = getCodeRef('64590')!.confusableWith.find((x) => x.code === '63685');
    expect(diff?.difference).toMatch(/spinal/);
    expect(getCodeRef('63685')!.confusableWith.some((x) => x.code === '64590')).toBe(true);
  });

  it('programming codes are reference-only', () => {
    for (const code of PROGRAMMING_REFERENCE_CODES) expect(getCodeRef(code)!.referenceOnly).toBe(true);
    for (const code of FAMILY_CODES) expect(getCodeRef(code)!.referenceOnly, code).toBe(false);
  });
});

describe('modifiers', () => {
  it('modifier 11 is never a usable modifier anywhere', () => {
    expect(NONEXISTENT_MODIFIERS).toContain('11');
    expect(isNonexistentModifier('11')).toBe(true);
    expect(isNonexistentModifier('LT')).toBe(false);
    expect(NONEXISTENT_MODIFIER_NOTES.find((n) => n.code === '11')?.explanation).toMatch(/place-of-service/);
    expect(MODIFIER_DICTIONARY.map((m) => m.code)).not.toContain('11');
    for (const c of listCodeRefs()) {
      for (const m of c.commonModifiers) expect(m.modifier, c.code).not.toBe('11');
      // No text offers "modifier 11" (or "-11") as something to use.
      expect(referenceText(c.code), c.code).not.toMatch(/modifier\s*11\b|-11\b/i);
    }
  });

  it('every dictionary entry exists and has sources', () => {
    for (const m of MODIFIER_DICTIONARY) {
      expect(m.exists).toBe(true);
      expect(m.sources.length).toBeGreaterThan(0);
    }
  });

  it('50 is listed only on codes whose Medicare BILAT indicator is 1', () => {
    for (const c of listCodeRefs()) {
      if (c.commonModifiers.some((m) => m.modifier === '50')) {
        expect(c.medicare.bilateral, c.code).toBe(1);
        expect(BILATERAL_CODES, c.code).toContain(c.code);
      }
    }
  });

  it('dictionary code lists agree with the per-code indicators', () => {
    for (const c of listCodeRefs()) {
      expect(BILATERAL_CODES.includes(c.code), `${c.code} BILAT`).toBe(c.medicare.bilateral === 1);
      expect(COSURGERY_CODES.includes(c.code), `${c.code} CO`).toBe(c.medicare.coSurgery === 1);
      expect(TEAM_CODES.includes(c.code), `${c.code} TEAM`).toBe(c.medicare.team === 1);
      expect(ASSISTANT_PAYABLE_CODES.includes(c.code), `${c.code} ASST2`).toBe(c.medicare.assistant === 2);
      if (c.group !== 'programming') {
        expect(ASSISTANT_WITH_DOCUMENTATION_CODES.includes(c.code), `${c.code} ASST0`).toBe(c.medicare.assistant === 0);
      }
    }
  });

  it('per-code modifiers respect the dictionary allowedOn lists', () => {
    const byCode = new Map(MODIFIER_DATA.map((m) => [m.code, m]));
    for (const c of listCodeRefs()) {
      for (const { modifier } of c.commonModifiers) {
        const entry = byCode.get(modifier);
        expect(entry, `${c.code} ${modifier}`).toBeDefined();
        if (entry!.allowedOn.length > 0) expect(entry!.allowedOn, `${c.code} ${modifier}`).toContain(c.code);
      }
    }
  });

  it('LT/RT appear only on sided-nerve array codes; 62/80/66 only where allowed', () => {
    for (const c of listCodeRefs()) {
      const mods = c.commonModifiers.map((m) => m.modifier);
      if (mods.includes('LT') || mods.includes('RT')) expect(SIDED_ARRAY_CODES, c.code).toContain(c.code);
      if (mods.includes('62')) expect([1, 2], c.code).toContain(c.medicare.coSurgery);
      if (mods.includes('66')) expect([1, 2], c.code).toContain(c.medicare.team);
      for (const a of ['80', '81', '82', 'AS'] as const) {
        if (mods.includes(a)) expect([0, 2], `${c.code} ${a}`).toContain(c.medicare.assistant);
      }
      if (c.globalDays === 'ZZZ' || c.globalDays === 'XXX') expect(mods, c.code).not.toContain('51');
    }
    // Generator-only, spinal epidural and gastric codes never carry a side.
    for (const code of ['63650', '63685', '63688', '64590', '64595', '61885', '61886', '61888', '43647', '43881']) {
      const mods = getCodeRef(code)!.commonModifiers.map((m) => m.modifier);
      expect(mods, code).not.toContain('LT');
      expect(mods, code).not.toContain('RT');
    }
  });
});

describe('devices', () => {
  it('covers the HCPCS device codes with setting notes and sources', () => {
    const codes = DEVICE_CODES.map((d) => d.code);
    for (const code of ['C1767', 'C1778', 'C1787', 'C1816', 'C1820', 'C1822', 'C1883', 'C1897', 'L8679', 'L8680', 'L8681', 'L8682', 'L8683', 'L8685', 'L8686', 'L8687', 'L8688', 'L8689']) {
      expect(codes, code).toContain(code);
    }
    for (const d of DEVICE_CODES) {
      expect(d.sources.length, d.code).toBeGreaterThan(0);
      if (d.code.startsWith('C')) {
        expect(d.setting, d.code).toBe('facility');
        expect(d.settingNote, d.code).toMatch(/not on the surgeon's claim/);
      } else {
        expect(d.setting, d.code).toBe('supplier');
        expect(d.settingNote, d.code).toMatch(/supplier\/L-code payers/);
      }
    }
  });

  it('per-code device settings match the device list', () => {
    for (const c of listCodeRefs()) {
      for (const d of c.deviceCodes) {
        expect(DEVICE_CODES.find((x) => x.code === d.code)?.setting, `${c.code} ${d.code}`).toBe(d.setting);
      }
    }
  });
});

describe('payers', () => {
  it('has a row for every payer and every group, sourced or "not available"', () => {
    for (const payer of PAYERS) {
      for (const group of PAYER_GROUPS) {
        const rows = PAYER_NOTES.filter((p) => p.payer === payer && p.group === group);
        expect(rows.length, `${payer} / ${group}`).toBe(1);
        const row = rows[0];
        if (row.status === 'not-available') {
          expect(row.note).toBe('not available');
          expect(row.source).toBeNull();
        } else {
          expect(row.source, `${payer} / ${group}`).toMatch(/^https?:\/\//);
        }
        if (payer !== 'Medicare') expect(row.verify, `${payer} / ${group}`).toBe(true);
      }
    }
    expect(PAYER_NOTES.length).toBe(PAYERS.length * PAYER_GROUPS.length);
  });

  it('payerNotesFor returns all five payers for each of a code\'s groups', () => {
    const rows = payerNotesFor('64590');
    expect(rows.length).toBe(3 * PAYERS.length);
    expect(payerNotesFor('99999')).toEqual([]);
  });
});

describe('own wording', () => {
  // 8-word runs of the seed pages, stored as hashes (scripts/seed-fingerprints.mjs), never as text
  const fp = JSON.parse(readFileSync('test/fixtures/seed-fingerprints.json', 'utf8')) as { n: number; grams: string[] };
  const N = fp.n;
  const seedGrams = new Set(fp.grams);
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
  const hash = (g: string) => createHash('sha1').update(g).digest('hex').slice(0, 12);
  const copied = (text: string): string[] => {
    const w = words(text);
    const hits: string[] = [];
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N).join(' ');
      if (seedGrams.has(hash(g))) hits.push(g);
    }
    return hits;
  };

  it('has the seed fingerprints and detects a copied run', () => {
    expect(seedGrams.size).toBeGreaterThan(100);
    // a run of the 64590 seed page's overview (checked by hash only)
    expect(copied('the procedure applies to systems that require a surgically created subcutaneous or submuscular pocket').length).toBeGreaterThan(0);
  });

  it('no 8-word run from the seed pages appears in any code entry', () => {
    for (const c of listCodeRefs()) {
      expect(copied(c.description), `${c.code} description`).toEqual([]);
      expect(copied(c.short), `${c.code} short`).toEqual([]);
      expect(copied(referenceText(c.code)), `${c.code} text`).toEqual([]);
    }
  });

  it('no 8-word run from the seed pages appears in devices, payers or modifiers', () => {
    for (const d of DEVICE_CODES) expect(copied(`${d.meaning} ${d.settingNote} ${d.notes.join(' ')}`), d.code).toEqual([]);
    for (const p of PAYER_NOTES) expect(copied(p.note), `${p.payer} ${p.group}`).toEqual([]);
    for (const m of MODIFIER_DICTIONARY) expect(copied(`${m.meaning} ${m.whenInFamily} ${m.limits}`), m.code).toEqual([]);
  });
});

describe('referenceText', () => {
  it('contains the words of the entry and device meanings', () => {
    const t = referenceText('64561');
    expect(t).toContain('64561');
    expect(t).toMatch(/S3 foramen/);
    expect(t).toMatch(/InterStim/);
    expect(t).toMatch(/neurostimulator lead/i);
    expect(referenceText('00000')).toBe('');
  });
});
