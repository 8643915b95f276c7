/**
 * How a source of the reference is named to a user: as a coder would cite it (the CMS file and
 * year, the NCCI table, the CPT descriptor, a payer's policy by its number), never by our own
 * registry key or a file name. One naming for Ask answers and the code reference pages.
 * Pure functions, no zod: the reference view's chunk can use them.
 */
import { SOURCE_REGISTRY } from './schema';

export interface Citation {
  cite: string;
  url: string | null;
}

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A source of an entry ({ key } from the registry, or { url, what }) as a citation. */
export function citeSourceRef(s: { key?: keyof typeof SOURCE_REGISTRY; url?: string; what: string }): Citation {
  if (s.key) {
    const r = SOURCE_REGISTRY[s.key];
    return { cite: r.cite, url: s.url ?? r.url ?? null };
  }
  const what = s.what.charAt(0).toUpperCase() + s.what.slice(1);
  return { cite: `${what} (as given by ${host(s.url ?? '')})`, url: s.url ?? null };
}

/**
 * A modifier's definition as a coder cites it: numeric modifiers are CPT (Appendix A), letter
 * ones HCPCS Level II; a secondary page is named as what it summarises.
 */
export function citeModifierSource(modifier: string, s: { key?: keyof typeof SOURCE_REGISTRY; url?: string; what: string }): Citation {
  const c = citeSourceRef(s);
  if (s.key || !/^definition/i.test(s.what) || !s.url) return c;
  const set = /^\d{2}$/.test(modifier) ? 'CPT modifier definitions (Appendix A)' : 'HCPCS Level II modifier definitions (CMS)';
  return { cite: `${set}, as summarised by ${host(s.url)}`, url: c.url };
}

/** Secondary code pages by publisher (registry keys). */
const PUBLISHER: Partial<Record<keyof typeof SOURCE_REGISTRY, string>> = { OP: 'OpenPayer', CA: 'Coding Ahead', HCPL: 'hcpcslookup.com' };

/** A device (HCPCS Level II) code's source: a secondary code page names the HCPCS description it summarises, not a CPT descriptor. */
export function citeDeviceSource(s: { key?: keyof typeof SOURCE_REGISTRY; url?: string; what: string }): Citation {
  const c = citeSourceRef(s);
  const publisher = s.key ? PUBLISHER[s.key] : undefined;
  return publisher ? { cite: `HCPCS Level II code description (as summarised by ${publisher})`, url: c.url } : c;
}

/** Policy prefixes as the payer names its documents. */
const POLICY_NAMES: [RegExp, string][] = [
  [/^Aetna CPB\s*/, 'Aetna Clinical Policy Bulletin '],
  [/^Cigna\s+(?=\d)/, 'Cigna Medical Coverage Policy '],
  [/^UHC\s+(?=\d)/, 'UnitedHealthcare medical policy '],
  [/^UHC\s+/, 'UnitedHealthcare medical policy: '],
  [/^BCBSA\s*/, 'Blue Cross Blue Shield Association medical policy '],
  [/^Anthem CG-/, 'Anthem Clinical UM Guideline CG-'],
  [/^Anthem\s+/, 'Anthem Medical Policy '],
  [/^BCBS (\w+)\s+/, 'Blue Cross and Blue Shield of $1 medical policy '],
  [/^eviCore\s*/, 'eviCore guideline '],
  [/^(NCD|LCDs?)\b/, 'Medicare $1'],
];

/** Sites that publish the payer's own document (anything else is a copy or a summary). */
const OFFICIAL = /(^|\.)(cms\.gov|aetna\.com|cigna\.com|uhcprovider\.com|unitedhealthcare\.com|anthem\.com|evicore\.com|bcbs[\w-]*\.com|bluecross[\w-]*\.com|noridianmedicare\.com)$/;

/** A payer's policy by its own name and number, with where we read it when that is not the payer's own site. */
export function citePolicy(payer: string, policy: string | null, url: string | null): Citation {
  const named = policy
    ? policy
        .split(/;\s*/)
        .map((p) => {
          const hit = POLICY_NAMES.find(([re]) => re.test(p));
          return hit ? p.replace(hit[0], hit[1]) : p;
        })
        // "Medicare NCD 160.7; LCD L34328": the payer is named once
        .map((p, i) => (i > 0 ? p.replace(/^Medicare /, '') : p))
        .join('; ')
    : `${payer} coverage policy`;
  const withPayer = new RegExp(`^(${payer.split(' ')[0]}|Medicare|UnitedHealthcare|Anthem|Blue Cross|eviCore)`, 'i').test(named) ? named : `${payer}: ${named}`;
  if (!url) return { cite: withPayer, url: null };
  const h = host(url);
  return { cite: OFFICIAL.test(h) ? withPayer : `${withPayer} (as published by ${h})`, url };
}
