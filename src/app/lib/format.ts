/**
 * Counts with en-US digit groups ("12,345"), by hand. `Number.prototype.toLocaleString` gives
 * the same text, but its first call loads ICU data on the main thread (about 25 ms in Chromium),
 * and the note's character count is drawn in the first paint, inside the cold load's longest task.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 && digits !== '0' ? `-${out}` : out;
}
