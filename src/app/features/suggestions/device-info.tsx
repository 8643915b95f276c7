import type { Warning } from '../../../engine/types';

interface Hint {
  code: string;
  meaning: string;
  setting: 'facility' | 'supplier';
}

/** "C1767 (Implanted … (non-rechargeable) battery; MUE 1)": a HCPCS code and its meaning, one level of nested parentheses. */
const HINT = /\b([A-Z]\d{4}) \(((?:[^()]|\([^()]*\))*)\)/g;

/**
 * The device (HCPCS) hints of the analysis, per procedure code: the codes the warning lists
 * (`codes[1..]`) with the meaning its message gives each; C-codes are facility, L-codes supplier.
 * Read from the warning itself, so the HCPCS table stays out of the first-paint bundle.
 */
export function deviceHintGroups(warnings: readonly Warning[]) {
  return warnings
    .filter((w) => w.kind === 'device')
    .map((w) => {
      const proc = w.codes?.[0] ?? '';
      const listed = new Set(w.codes?.slice(1) ?? []);
      const hints: Hint[] = [];
      for (const m of w.message.matchAll(HINT)) {
        if (!listed.has(m[1]) || hints.some((h) => h.code === m[1])) continue;
        hints.push({ code: m[1], meaning: m[2].replace(/;\s*MUE\b.*$/, ''), setting: m[1].startsWith('C') ? 'facility' : 'supplier' });
      }
      // a listed code the message did not explain still shows, by its code alone
      for (const c of listed) if (!hints.some((h) => h.code === c)) hints.push({ code: c, meaning: '', setting: c.startsWith('C') ? 'facility' : 'supplier' });
      return { proc, message: w.message, hints };
    });
}

/**
 * Facility and supplier device codes that usually go with the claim lines. Information only,
 * never the surgeon's claim: kept apart from the ⚠ checks and collapsed by default.
 */
export function DeviceInfo({ warnings }: { warnings: readonly Warning[] }) {
  const groups = deviceHintGroups(warnings);
  if (!groups.length) return null;
  const count = groups.reduce((n, g) => n + (g.hints.length || 1), 0);
  return (
    <details className="card p-3" data-testid="device-info">
      <summary className="cursor-pointer text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">
        Device and facility codes (information) <span className="font-normal normal-case">· {count}</span>
      </summary>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Not on the surgeon&apos;s claim. C-codes go on the hospital outpatient or surgery-center claim, L-codes on a supplier
        claim where the payer pays the device separately; pick by the device actually used and confirm in the current
        HCPCS file.
      </p>
      {groups.map((g) => (
        <div key={g.proc} className="mt-2">
          <h4 className="text-xs font-semibold text-slate-600 dark:text-slate-300">
            With <span className="font-mono">{g.proc}</span>
          </h4>
          {g.hints.length ? (
            <ul className="mt-0.5 space-y-0.5 text-sm" aria-label={`Device codes with ${g.proc}`}>
              {g.hints.map((h) => (
                <li key={h.code}>
                  <span className="font-mono font-semibold">{h.code}</span>{' '}
                  <span className="text-xs text-slate-500 dark:text-slate-400">({h.setting})</span>
                  {h.meaning && ` — ${h.meaning.replace(/\.$/, '')}`}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{g.message}</p>
          )}
        </div>
      ))}
    </details>
  );
}
