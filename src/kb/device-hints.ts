/**
 * Data only, and no zod: the app's claim card and print summary import this in the first-paint
 * chunk (importing it through src/kb/edits.ts pulled zod and the edit tables in, about 33 KB gzip).
 */
import { DEVICE_CODE_DATA } from './reference/devices';

/**
 * Device HCPCS hints: the C-codes (hospital outpatient / ASC facility claim) and L-codes
 * (supplier / payers that pay the device separately) that usually accompany each procedure
 * code. Derived from the reference device table (src/kb/reference/devices.ts, 2020 HCPCS text;
 * sourced-facts.md §4). These are never claim lines of the surgeon: the engine shows them as
 * warnings of kind "device".
 */
export interface DeviceHint {
  code: string;
  meaning: string;
  setting: 'facility' | 'supplier';
  mue: string | null;
}
export const DEVICE_HINTS: ReadonlyMap<string, DeviceHint[]> = (() => {
  const map = new Map<string, DeviceHint[]>();
  for (const d of DEVICE_CODE_DATA) {
    for (const proc of d.pairsWith) {
      const list = map.get(proc) ?? [];
      list.push({ code: d.code, meaning: d.meaning, setting: d.setting, mue: d.mue });
      map.set(proc, list);
    }
  }
  return map;
})();
export const DEVICE_SOURCE = 'CMS HCPCS Level II file, 2020 release (sourced-facts.md §4; the 2026 file was not read) — confirm in the current HCPCS file';
