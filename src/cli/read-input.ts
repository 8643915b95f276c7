import { readFileSync, statSync } from 'node:fs';

/** Largest file the CLI reads. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; error: string };

/** Decode bytes as a note: UTF-8 (BOM stripped), falling back to Windows-1252; binary is refused. */
export function decodeNote(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, error: 'empty file: there is no note to analyse' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB)` };
  let control = 0;
  const sample = Math.min(bytes.length, 65536);
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0) return { ok: false, error: 'binary file (contains NUL bytes): not a text note' };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control / sample > 0.05) return { ok: false, error: 'binary file (too many control characters): not a text note' };
  let text: string;
  let note: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    note = 'file is not valid UTF-8; read as Windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) return { ok: false, error: 'file holds only whitespace: there is no note to analyse' };
  return { ok: true, text, ...(note ? { note } : {}) };
}

export function readNoteFile(path: string): ReadResult {
  try {
    if (path === '-') return decodeNote(new Uint8Array(readFileSync(0)));
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: 'is a directory, not a file' };
    if (st.size > MAX_FILE_BYTES) return { ok: false, error: `file is ${st.size} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB)` };
    return decodeNote(new Uint8Array(readFileSync(path)));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, error: 'file not found' };
    if (err.code === 'EACCES') return { ok: false, error: 'permission denied' };
    return { ok: false, error: `cannot read file: ${err.message}` };
  }
}
