import { CODE_REF_DATA } from './codes';
import { DEVICE_CODE_DATA } from './devices';
import { MODIFIER_DATA, NONEXISTENT_MODIFIERS, NONEXISTENT_MODIFIER_DATA } from './modifiers';
import { PAYER_NOTE_DATA } from './payers';
import {
  ReferenceSchema,
  SOURCE_REGISTRY,
  type CodeRef,
  type DeviceCode,
  type ModifierEntry,
  type NonexistentModifier,
  type PayerNote,
  type Reference,
} from './schema';

export * from './schema';
export { NONEXISTENT_MODIFIERS } from './modifiers';

/** The codes this knowledge base covers (family + programming reference codes). */
export const FAMILY_CODES = [
  '63650', '63655', '63661', '63662', '63663', '63664', '63685', '63688',
  '64553', '64555', '64561', '64566', '64568', '64569', '64570', '64575', '64580', '64581', '64582', '64583', '64584', '64585',
  '64590', '64595', '64596', '64597', '64598',
  '61863', '61864', '61867', '61868', '61885', '61886', '61888',
  '43647', '43648', '43881', '43882',
] as const;
export const PROGRAMMING_REFERENCE_CODES = ['95970', '95971', '95972'] as const;

/** The whole reference, validated once at import. A data error fails loudly here. */
export const REFERENCE: Reference = ReferenceSchema.parse({
  codes: CODE_REF_DATA,
  devices: DEVICE_CODE_DATA,
  payers: PAYER_NOTE_DATA,
  modifiers: MODIFIER_DATA,
  nonexistentModifiers: NONEXISTENT_MODIFIER_DATA,
});

const BY_CODE = new Map<string, CodeRef>(REFERENCE.codes.map((c) => [c.code, c]));

export const DEVICE_CODES: readonly DeviceCode[] = REFERENCE.devices;
export const PAYER_NOTES: readonly PayerNote[] = REFERENCE.payers;
export const MODIFIER_DICTIONARY: readonly ModifierEntry[] = REFERENCE.modifiers;
export const NONEXISTENT_MODIFIER_NOTES: readonly NonexistentModifier[] = REFERENCE.nonexistentModifiers;
export { SOURCE_REGISTRY };

/** The reference entry for a code, or undefined when the code is not covered. */
export function getCodeRef(code: string): CodeRef | undefined {
  return BY_CODE.get(code.trim());
}

/** All entries, in knowledge-base order. */
export function listCodeRefs(): readonly CodeRef[] {
  return REFERENCE.codes;
}

export function getDeviceCode(code: string): DeviceCode | undefined {
  const c = code.trim().toUpperCase();
  return REFERENCE.devices.find((d) => d.code === c);
}

export function getModifier(code: string): ModifierEntry | undefined {
  const c = code.trim().toUpperCase();
  return REFERENCE.modifiers.find((m) => m.code === c);
}

/** True for modifiers that do not exist (e.g. "11"): never suggest, flag on input. */
export function isNonexistentModifier(code: string): boolean {
  return (NONEXISTENT_MODIFIERS as readonly string[]).includes(code.trim().toUpperCase());
}

/** Payer notes for the groups a code belongs to (all five payers per group). */
export function payerNotesFor(code: string): PayerNote[] {
  const ref = getCodeRef(code);
  if (!ref) return [];
  return REFERENCE.payers.filter((p) => ref.payerGroups.includes(p.group));
}

function collectStrings(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (typeof value === 'object') for (const v of Object.values(value as Record<string, unknown>)) collectStrings(v, out);
}

/**
 * All the words of an entry as one string, for a search index: labels, description,
 * requirements, inclusions, keywords, confusable codes, modifiers, devices (with their
 * meanings), indications, notes and source descriptions. Empty string for an unknown code.
 */
export function referenceText(code: string): string {
  const ref = getCodeRef(code);
  if (!ref) return '';
  const parts: string[] = [];
  collectStrings(ref, parts);
  for (const d of ref.deviceCodes) {
    const dev = getDeviceCode(d.code);
    if (dev) parts.push(dev.meaning);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
export { citeDeviceSource, citeModifierSource, citePolicy, citeSourceRef, type Citation } from './citation';
