import type { ReactNode } from 'react';
import {
  CODE_GROUP_LABELS,
  NOT_AVAILABLE,
  PAYERS,
  PAYER_GROUP_LABELS,
  citePolicy,
  citeSourceRef,
  getDeviceCode,
  getCodeRef,
  getModifier,
  isNonexistentModifier,
  payerNotesFor,
  type CodeRef,
  type SourceRef,
} from '../../../kb/reference';
import { routeHref } from '../../lib/route';
import { ReferenceLink } from './reference-link';

export const GLOBAL_MEANING: Record<string, string> = {
  '000': '0 days: the day of the procedure only',
  '010': '10 days after the procedure (minor procedure)',
  '090': '90 days after, plus the day before (major procedure)',
  ZZZ: 'add-on code: follows the global period of its primary code',
  YYY: 'set by the Medicare contractor',
  XXX: 'the global concept does not apply',
};

const SITE_LABEL: Record<string, string> = {
  office: 'office',
  'ambulatory surgery center': 'ambulatory surgery center',
  'hospital outpatient': 'hospital outpatient',
  'hospital inpatient': 'hospital inpatient',
};

/** Modifiers worth showing for a code: real ones only (never "11", which is not a modifier). */
export function shownModifiers(ref: CodeRef) {
  return ref.commonModifiers.filter((m) => !isNonexistentModifier(m.modifier));
}

export function unitsText(ref: CodeRef): string {
  return ref.unitRule.text;
}

/** A source as a coder would cite it: the same naming as the Ask answers. */
function sourceLabel(s: SourceRef): { title: string; url: string | null } {
  const c = citeSourceRef(s);
  return { title: c.cite, url: c.url };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`ref-${id}`} data-testid={`ref-section-${id}`} className="border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 id={`ref-${id}`} className="mb-1 text-sm font-semibold text-slate-700 dark:text-slate-200">
        {title}
      </h3>
      <div className="text-sm text-slate-700 dark:text-slate-200">{children}</div>
    </section>
  );
}

function List({ items, label }: { items: ReactNode[]; label?: string }) {
  if (items.length === 0) return <p className="text-slate-500 dark:text-slate-400">None listed.</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5" aria-label={label}>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

const extLink =
  'text-sky-800 underline decoration-sky-300 underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:decoration-sky-700 dark:hover:text-sky-100';

/** One code's reference page. */
export function CodePage({ code }: { code: string }) {
  const ref = getCodeRef(code);
  if (!ref) {
    return (
      <div className="card p-4" data-testid="reference-unknown">
        <h2 className="text-lg font-semibold">No reference entry for “{code}”</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          The reference covers the neurostimulator family. Try the search, or open the list of codes.
        </p>
      </div>
    );
  }
  const payers = payerNotesFor(ref.code);
  const groups = [...new Set(payers.map((p) => p.group))];
  return (
    <article className="card flex flex-col gap-3 p-4" aria-labelledby="ref-title" data-testid="reference-page" data-code={ref.code}>
      <header>
        <p className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{CODE_GROUP_LABELS[ref.group]}</p>
        <h2 id="ref-title" tabIndex={-1} className="text-xl font-semibold">
          <span className="font-mono">{ref.code}</span> · {ref.short}
        </h2>
        {ref.referenceOnly && (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">Reference only: not suggested from an operative note.</p>
        )}
      </header>

      <Section id="description" title="What it is (our plain-language description)">
        <p>{ref.description}</p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Our own wording; the official CPT® descriptor is AMA copyright and is not reproduced.
        </p>
      </Section>

      <Section id="requires" title="Requires and includes">
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <h4 className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">The note must show</h4>
            <List items={ref.requires} label="Requires" />
          </div>
          <div>
            <h4 className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">Included (not coded separately)</h4>
            <List items={ref.includes} label="Includes" />
          </div>
        </div>
      </Section>

      <Section id="setting" title="Typical setting and site of service">
        <p>{ref.typicalSetting}</p>
        <p className="mt-1">
          Sites of service: {ref.siteOfService.map((s) => SITE_LABEL[s] ?? s).join(', ')}.
        </p>
      </Section>

      <Section id="units" title="Units">
        <p>{unitsText(ref)}</p>
        {ref.addOnTo?.length ? <p className="mt-1">Add-on code: reported with {ref.addOnTo.map((c) => <ReferenceLink key={c} code={c} />)}.</p> : null}
      </Section>

      <Section id="global" title="Global period">
        <p>
          <span className="font-mono font-semibold">{ref.globalDays}</span> — {GLOBAL_MEANING[ref.globalDays]}.{' '}
          <span className="text-slate-500 dark:text-slate-400">(CMS physician fee schedule, CY2026)</span>
        </p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Medicare indicators: status {ref.medicare.status}; bilateral {ref.medicare.bilateral ?? '—'}; assistant {ref.medicare.assistant ?? '—'}; co-surgery{' '}
          {ref.medicare.coSurgery ?? '—'}; team {ref.medicare.team ?? '—'}; work RVU {ref.medicare.workRvu2026 ?? 'contractor-priced'}.
        </p>
      </Section>

      <Section id="related" title="Related and confusable codes">
        <List
          label="Confusable codes"
          items={ref.confusableWith.map((c) => {
            const known = !!getCodeRef(c.code);
            return (
              <span>
                {known ? <ReferenceLink code={c.code} /> : <span className="font-mono">{c.code}</span>}: {c.difference}
                {known && (
                  <>
                    {' '}
                    <a href={routeHref('compare', `${ref.code},${c.code}`)} className={`text-xs ${extLink}`}>
                      compare {ref.code} with {c.code}
                    </a>
                  </>
                )}
              </span>
            );
          })}
        />
      </Section>

      <Section id="modifiers" title="Common modifiers and when">
        <List
          label="Common modifiers"
          items={shownModifiers(ref).map((m) => (
            <span>
              <span className="font-mono font-semibold">{m.modifier}</span>
              {getModifier(m.modifier) ? <span className="text-slate-500 dark:text-slate-400"> ({getModifier(m.modifier)!.meaning})</span> : null}: {m.when}
            </span>
          ))}
        />
      </Section>

      <Section id="devices" title="Device codes (facility or supplier claim)">
        <List
          label="Device codes"
          items={ref.deviceCodes.map((d) => (
            <span>
              <span className="font-mono font-semibold">{d.code}</span> ({d.setting}): {getDeviceCode(d.code)?.meaning ?? ''}
              {d.note ? <span className="text-slate-500 dark:text-slate-400"> — {d.note}</span> : null}
            </span>
          ))}
        />
      </Section>

      <Section id="indications" title="Typical indications (ICD-10-CM)">
        <List
          label="Indications"
          items={ref.indications.map((d) => (
            <span>
              <span className="font-mono">{d.icd10}</span> {d.label}
            </span>
          ))}
        />
      </Section>

      <Section id="payers" title="Payer notes">
        {groups.length === 0 ? (
          <p>not available</p>
        ) : (
          groups.map((g) => (
            <div key={g} className="mb-3 overflow-x-auto">
              <table className="table-stack w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="payer-table">
                <caption className="mb-1 text-left text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">{PAYER_GROUP_LABELS[g]}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
                    <th scope="col" className="py-1 pr-2 font-medium">Payer</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Note</th>
                    <th scope="col" className="py-1 font-medium">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {PAYERS.map((payer) => {
                    const row = payers.find((p) => p.group === g && p.payer === payer);
                    const na = !row || row.status === 'not-available';
                    return (
                      <tr key={payer} className="border-b border-slate-100 align-top dark:border-slate-800" data-testid="payer-row" data-payer={payer}>
                        <th scope="row" className="py-1 pr-2 font-medium whitespace-nowrap">{payer}</th>
                        <td className="py-1 pr-2" data-label="Note">
                          {na ? <span className="text-slate-500 dark:text-slate-400">{NOT_AVAILABLE}</span> : row!.note}
                          {row?.policy && <span className="block text-xs text-slate-500 dark:text-slate-400">{citePolicy(payer, row.policy, null).cite}</span>}
                          {row?.verify && !na && <span className="block text-xs text-amber-800 dark:text-amber-200">Verify current policy.</span>}
                        </td>
                        <td className="py-1 text-xs" data-label="Source">
                          {!na && row?.source ? (
                            <a href={row.source} target="_blank" rel="noreferrer noopener" className={extLink}>
                              {citePolicy(payer, row.policy, row.source).cite}
                            </a>
                          ) : (
                            <span className="text-slate-500 dark:text-slate-400">{NOT_AVAILABLE}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))
        )}
      </Section>

      {(ref.notes.length > 0 || ref.verify.length > 0) && (
        <Section id="notes" title="Notes and points to verify">
          <List items={[...ref.notes, ...ref.verify.map((v) => `Verify: ${v}`)]} label="Notes" />
        </Section>
      )}

      <Section id="sources" title="Sources">
        <List
          label="Sources"
          items={ref.sources.map((s) => {
            const { title, url } = sourceLabel(s);
            return (
              <span>
                {url ? (
                  <a href={url} target="_blank" rel="noreferrer noopener" className={extLink}>
                    {title}
                  </a>
                ) : (
                  title
                )}{' '}
                <span className="text-slate-500 dark:text-slate-400">— {s.what}</span>
              </span>
            );
          })}
        />
      </Section>
    </article>
  );
}
