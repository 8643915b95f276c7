/**
 * Billed code strings as they come out of a billing export: "63650x2;63685", "64590-RT",
 * "64568-LT, 64568-RT", "63650 x 2 | 63685-59". Pure: no DOM, no Node.
 */

/** One line of a claim: a code, its units and its modifiers (upper-case, in the order written). */
export interface ClaimLineSpec {
  code: string;
  units: number;
  modifiers: string[];
}

export interface BilledParse {
  lines: ClaimLineSpec[];
  /** Pieces that could not be read as a code, with why. Empty when the whole string was read. */
  errors: string[];
}

/** CPT (5 digits), Category III (4 digits + letter) and HCPCS Level II (letter + 4 digits). */
const CODE = '(?:[A-Z]\\d{4}|\\d{4}[0-9A-Z])';
const MOD = '-[A-Z0-9]{2}';
// eslint-disable-next-line regexp/no-useless-non-capturing-group -- CODE is a shared fragment that carries its own group
const LINE = new RegExp(`^(${CODE})((?:${MOD})*)(?:[X×*](\\d{1,3}))?((?:${MOD})*)$`);
const PREFIX_UNITS = new RegExp(`^(\\d{1,3})[X×*](${CODE}(?:${MOD})*)$`);

/** Parse a billed code string. Identical lines (same code and modifiers) are merged by adding their units. */
export function parseBilled(input: string | null | undefined): BilledParse {
  const lines: ClaimLineSpec[] = [];
  const errors: string[] = [];
  const text = (input ?? '')
    .toUpperCase()
    .replace(/[\u2010-\u2015]/g, '-')
    // "63650 x 2", "64590 - RT", "63650 X2 units" → compact tokens
    .replace(/(?<!\s)\s*([-×*])\s*/g, '$1')
    .replace(/(\d)\s*X\s*(?=\d)/g, '$1X')
    .replace(/\b(?:UNITS?|UN)\b/g, ' ');
  for (const raw of text.split(/[;,|/\s]+/)) {
    const tok = raw.trim();
    if (!tok) continue;
    let m = LINE.exec(tok);
    if (!m) {
      const p = PREFIX_UNITS.exec(tok);
      if (p) m = LINE.exec(`${p[2]}X${p[1]}`);
    }
    if (!m) {
      errors.push(`cannot read "${tok}" as a billed code (expected e.g. 63650x2 or 64590-RT)`);
      continue;
    }
    const units = m[3] ? Number(m[3]) : 1;
    if (units < 1) {
      errors.push(`"${tok}": units must be at least 1`);
      continue;
    }
    const modifiers = `${m[2]}${m[4]}`.split('-').filter(Boolean);
    const same = lines.find((l) => l.code === m[1] && sameModifiers(l.modifiers, modifiers));
    if (same) same.units += units;
    else lines.push({ code: m[1], units, modifiers });
  }
  return { lines, errors };
}

export function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = [...a].sort();
  const t = [...b].sort();
  return s.every((x, i) => x === t[i]);
}

/** "64590-RT x1" — the same form as the CLI's `claimLine()`. */
export function formatLine(l: ClaimLineSpec): string {
  return `${[l.code, ...l.modifiers].join('-')} x${l.units}`;
}

/** "63650x2;64590-RT" — the compact form a billed column uses (units omitted when 1). */
export function formatBilled(lines: readonly ClaimLineSpec[]): string {
  return lines.map((l) => `${[l.code, ...l.modifiers].join('-')}${l.units === 1 ? '' : `x${l.units}`}`).join(';');
}
