import { describe, expect, it } from 'vitest';
import { readConcepts } from '../index';
import { buildDoc } from '../nlp/nlp';

const sides = (t: string) => readConcepts(buildDoc(t)).filter((m) => m.kind === 'side').map((m) => m.value);

describe('"left" as a verb is not a side', () => {
  it.each([
    'Protrusor branches were included and retrusor branches left out.',
    'The lead was left in place and the generator removed.',
    'A strain-relief loop was left in the neck.',
    'The old anchor was left intact.',
    'Generator not replaced (battery ~6 yrs left).',
  ])('%s', (t) => {
    expect(sides(t)).not.toContain('left');
  });

  it.each(['A lead was placed on the left at S3.', 'The right lead and left lead were tunnelled.', 'Left S3 foramen accessed.', 'The lead was placed left of midline.'])('%s keeps the side', (t) => {
    expect(sides(t)).toContain('left');
  });
});
