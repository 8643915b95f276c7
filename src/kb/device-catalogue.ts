import { z } from './zod';

/**
 * Brand and model names that dictation uses as the only device word, mapped to the kind of part
 * and the target system. Data only (read by the engine's mention stage). The mapping is public
 * product labelling (which system each manufacturer's product belongs to); no product prose is
 * reproduced. Where a brand names a whole family (InterStim leads and generators), `kind` is the
 * part the bare name most often stands for in an operative note, and `partWords` say which
 * neighbouring words turn it into the other part.
 */
export const CatalogueEntrySchema = z.object({
  /** Lower-case brand or model word as a token (first token of the name). */
  brand: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.enum(['array', 'generator', 'integrated', 'external']),
  target: z.enum(['spinal', 'peripheral', 'sacral', 'gastric', 'vagus', 'hypoglossal', 'intracranial']),
  /** For an array: a paddle (surgical, placed through a laminotomy) or a percutaneous (cylindrical) lead. */
  form: z.enum(['paddle', 'percutaneous']).optional(),
  source: z.string(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

const LABEL = 'public manufacturer labelling (device class and indication); OpNote Coder convention for the default part';

const RAW: CatalogueEntry[] = [
  // spinal cord stimulation generators
  ...['proclaim', 'intellis', 'wavewriter', 'evoke', 'senza', 'omnia', 'prodigy', 'eterna', 'spectra', 'alpha', 'vanta', 'inceptiv', 'restoresensor', 'primeadvanced'].map((brand) => ({ brand, kind: 'generator' as const, target: 'spinal' as const, source: LABEL })),
  // spinal cord stimulation arrays: the model name tells a paddle from a percutaneous lead
  // (English words such as "linear" or "specify" are left out: they are read as words)
  ...['artisan', 'coveredge', 'penta', 'lamitrode'].map((brand) => ({ brand, kind: 'array' as const, target: 'spinal' as const, form: 'paddle' as const, source: LABEL })),
  ...['infinion', 'octrode', 'vectris', 'superflex'].map((brand) => ({ brand, kind: 'array' as const, target: 'spinal' as const, form: 'percutaneous' as const, source: LABEL })),
  // deep-brain (cranial) generators
  ...['percept', 'activa', 'vercise', 'genus', 'infinity', 'libra', 'brio'].map((brand) => ({ brand, kind: 'generator' as const, target: 'intracranial' as const, source: LABEL })),
  // vagus nerve stimulation generators
  ...['sentiva', 'aspiresr', 'aspire', 'demipulse', 'pulsar', 'cyberonics'].map((brand) => ({ brand, kind: 'generator' as const, target: 'vagus' as const, source: LABEL })),
  // sacral neuromodulation: the bare name most often stands for the generator
  ...['interstim', 'axonics'].map((brand) => ({ brand, kind: 'generator' as const, target: 'sacral' as const, source: LABEL })),
  // hypoglossal nerve stimulation
  { brand: 'inspire', kind: 'generator', target: 'hypoglossal', source: LABEL },
  // gastric electrical stimulation
  { brand: 'enterra', kind: 'generator', target: 'gastric', source: LABEL },
  // peripheral nerve stimulation: leads powered from outside the body
  { brand: 'sprint', kind: 'array', target: 'peripheral', source: LABEL },
  // a lead with its receiver built in, powered through the skin: integrated (fixtures convention on integrated PNS)
  { brand: 'stimrouter', kind: 'integrated', target: 'peripheral', source: LABEL },
  { brand: 'freedom', kind: 'integrated', target: 'peripheral', source: LABEL },
  { brand: 'nalu', kind: 'generator', target: 'peripheral', source: LABEL },
];

export const DEVICE_CATALOGUE: readonly CatalogueEntry[] = RAW.map((r) => CatalogueEntrySchema.parse(r));
export const CATALOGUE_BY_BRAND: ReadonlyMap<string, CatalogueEntry> = new Map(DEVICE_CATALOGUE.map((e) => [e.brand, e]));
