/**
 * Masks obvious identifiers in text that is about to leave the app (copied or exported):
 * names after "Patient:"/"Name:", medical record and account numbers, dates (DOB included),
 * phone numbers and social security numbers. It is deliberately simple and conservative:
 * it does not claim to de-identify a note, only to keep the obvious identifiers out of a
 * clipboard or an export file.
 *
 * Pure and linear: every quantifier is bounded, so no pattern can backtrack
 * catastrophically; each pass is one left-to-right scan of the text.
 */

export type IdentifierKind = 'name' | 'mrn' | 'date' | 'phone' | 'ssn';

export interface RedactResult {
  text: string;
  /** How many of each kind were masked. */
  counts: Record<IdentifierKind, number>;
}

/** What each kind is replaced with. */
export const MASK: Record<IdentifierKind, string> = {
  name: '[NAME]',
  mrn: '[MRN]',
  date: '[DATE]',
  phone: '[PHONE]',
  ssn: '[SSN]',
};

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** A person's name: one to five words of letters (any script), each at most 40 characters. */
const NAME_WORD = "\\p{L}[\\p{L}\\p{M}'’.\\-]{0,39}";
/** Words after the first never swallow the next label on the same line ("Jo Bloggs MRN: 1"). */
const NOT_LABEL = '(?!(?:MRN|MR#|DOB|DOS|Age|Sex|Date|Acct|Account|FIN|CSN|Phone|Tel|SSN|Room|Bed)\\b)';
const NAME = `${NAME_WORD}(?:(?:,[ \\t]?|[ \\t])${NOT_LABEL}${NAME_WORD}){0,4}`;

interface Rule {
  kind: IdentifierKind;
  re: RegExp;
  /** Builds the replacement from the match groups; the label (group 1) is kept if present. */
  keepLabel: boolean;
}

const RULES: Rule[] = [
  // Labels followed by a name. "Patient: Jane Q. Doe", "Name: DOE, JOHN", "Patient Name - Jo Bloggs".
  // A bare "Name:" counts only when it is not the end of a longer label ("Procedure Name:").
  {
    kind: 'name',
    keepLabel: true,
    re: new RegExp(
      `((?:\\b(?:Patient(?:'s)?(?:[ \\t]{1,3}(?:Full[ \\t]{1,3})?Name)?|Pt(?:\\.|[ \\t]{1,3}Name)?)|(?<!\\p{L}[ \\t])\\b(?:(?:Full|Last|First)[ \\t]{1,3})?Name)(?:[ \\t]{0,3}:|[ \\t]{1,3}[-–])[ \\t]{0,3})(${NAME})`,
      'giu',
    ),
  },
  // Social security numbers before phone numbers and dates (their digit groups overlap).
  { kind: 'ssn', keepLabel: false, re: /\b\d{3}-\d{2}-\d{4}\b/g },
  // Record, account and encounter numbers: the label stays, the number goes.
  {
    kind: 'mrn',
    keepLabel: true,
    re: /(\b(?:MRN|MR#|MR[ \t]{0,2}No\.?|Med(?:ical)?[ \t]{1,3}Rec(?:ord)?[ \t]{0,3}(?:No\.?|Number|#)|Acct(?:\.|ount)?(?:[ \t]{1,3}(?:No\.?|Number|#))?|FIN|CSN|Encounter(?:[ \t]{1,3}(?:No\.?|Number|#))?)[ \t]{0,3}[:#]?[ \t]{0,3})([A-Z0-9][A-Z0-9-]{2,23})\b/gi,
  },
  // Phone numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567.
  {
    kind: 'phone',
    keepLabel: false,
    re: /(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b/g,
  },
  // Dates: 03/14/2024, 3-14-24, 2024-03-14, 14.03.2024, March 14, 2024, 14 Mar 2024, Mar 2024.
  {
    kind: 'date',
    keepLabel: false,
    re: new RegExp(
      [
        '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
        '\\b\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}\\b',
        `\\b${MONTH}\\.?[ \\t]{1,3}\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]{1,3}\\d{4}\\b`,
        `\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]{1,3}${MONTH}\\.?,?[ \\t]{1,3}\\d{4}\\b`,
        `\\b${MONTH}\\.?[ \\t]{1,3}\\d{4}\\b`,
      ].join('|'),
      'gi',
    ),
  },
  // A DOB label followed by something that is not a recognisable date ("DOB: 3rd of May 1950").
  {
    kind: 'date',
    keepLabel: true,
    re: /(\b(?:DOB|D\.O\.B\.?|Date[ \t]{1,3}of[ \t]{1,3}Birth|Birth[ \t]?date)[ \t]{0,3}[:-]?[ \t]{0,3})([^\s[:-][^\n\r]{0,39})/gi,
  },
];

/** Mask the obvious identifiers in `text`; returns the masked text and counts by kind. */
export function redactDetailed(text: string): RedactResult {
  const counts: Record<IdentifierKind, number> = { name: 0, mrn: 0, date: 0, phone: 0, ssn: 0 };
  let out = typeof text === 'string' ? text : String(text ?? '');
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    out = out.replace(rule.re, (...args: unknown[]) => {
      counts[rule.kind]++;
      const label = rule.keepLabel ? String(args[1] ?? '') : '';
      return label + MASK[rule.kind];
    });
  }
  return { text: out, counts };
}

/** Mask the obvious identifiers in `text` (see redactDetailed). */
export function redact(text: string): string {
  return redactDetailed(text).text;
}

/** Total number of identifiers masked. */
export function redactionCount(r: RedactResult): number {
  return Object.values(r.counts).reduce((a, b) => a + b, 0);
}
