import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ask, warmAsk } from './index';

beforeAll(() => warmAsk());

const here = path.dirname(fileURLToPath(import.meta.url));
const QUESTIONS: string[] = JSON.parse(readFileSync(path.join(here, '../../../test/fixtures/questions.json'), 'utf8')).questions.map((q: { question: string }) => q.question);

describe('Ask speaks as a coder cites, on every fixture question', () => {
  it('no developer wording, shorthand or "unconfirmed — verify" in any answer text or source', () => {
    for (const q of QUESTIONS) {
      const a = ask(q);
      for (const s of a.answerText) {
        for (const t of [s.text, s.source]) {
          expect(t, q).not.toMatch(/unconfirmed\s*[—-]\s*verify|\.(md|ts)\b|src\/|kb\/|§|\b(NSREF|PFS26|CPTA11|HCPL|MLN59)\b/i);
        }
        // payer documents by their full names in the citation (a note may quote "CPB 0011" as Aetna does)
        expect(s.source, q).not.toMatch(/\bCPB \d|\bUHC \d|Aetna policy Aetna/);
        // a blog is named as what it summarises
        expect(s.source, q).not.toMatch(/^Definition \(as given by/);
      }
    }
  });

  it('a bundling pair from the government edit table says in words what to check, and carries no confidence badge', () => {
    const a = ask('Can I bill 77003 with 63650?');
    const pair = a.answerText.find((s) => s.topic === 'Bundling')!;
    expect(pair.source).toMatch(/^CMS NCCI procedure-to-procedure edits, practitioner table/);
    expect(pair.text).toMatch(/look the pair up there before billing both/);
    expect(pair.statedInText).toBe(true);
    // a pair that follows from the code descriptor is firm: nothing to state
    const firm = ask('Is fluoroscopy billed with 64596?').answerText.find((s) => s.topic === 'Bundling')!;
    expect(firm.statedInText).toBeUndefined();
  });

  it('names payer policies and device codes by their own code sets', () => {
    const payer = ask('Does Aetna cover 64590?').answerText.filter((s) => s.topic.startsWith('Aetna'));
    expect(payer.map((s) => s.source)).toContain('Aetna Clinical Policy Bulletin 0223 (as published by verity.backworkai.com)');
    expect(payer.every((s) => s.statedInText)).toBe(true);
    const device = ask('What is C1827?').answerText[0];
    expect(device.source).toMatch(/^HCPCS Level II/);
    const mod = ask('What is modifier 22?').answerText.find((s) => s.topic === 'Modifier 22')!;
    expect(mod.source).toMatch(/^CPT modifier definitions \(Appendix A\)/);
  });

  it('"not in our reference" is one plain statement, labelled as our own reference', () => {
    const a = ask("What's the weather in Paris tomorrow?");
    expect(a.answered).toBe(false);
    expect(a.answerText).toHaveLength(1);
    expect(a.answerText[0].source).toBe('OpNote Coder’s built-in reference');
  });
});
