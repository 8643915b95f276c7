import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

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

const tooBig = (size: number | null) =>
  size === null
    ? `input is more than ${MAX_FILE_BYTES} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB); stopped reading`
    : `file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB)`;

/** Block the thread for a few milliseconds (a non-blocking stdin with no data yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Read at most `limit` bytes from an open descriptor (file, device, pipe or terminal) and stop:
 * `/dev/zero` or `yes | analyze -` costs `limit` bytes, never more. `truncated` says whether
 * there was more to read.
 */
export function readBounded(fd: number, limit: number): { bytes: Uint8Array; truncated: boolean } {
  const buf = Buffer.allocUnsafe(limit + 1);
  let n = 0;
  while (n <= limit) {
    let got: number;
    try {
      got = readSync(fd, buf, n, limit + 1 - n, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (got === 0) break;
    n += got;
  }
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, Math.min(n, limit)), truncated: n > limit };
}

/** Read one note: a file, a device or "-" (stdin), at most the 2 MB limit plus one byte. */
export function readNoteFile(path: string): ReadResult {
  let fd: number | null = null;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, error: 'is a directory, not a file' };
    if (st.isFile() && st.size > MAX_FILE_BYTES) return { ok: false, error: tooBig(st.size) };
    const { bytes, truncated } = readBounded(fd, MAX_FILE_BYTES);
    if (truncated) return { ok: false, error: tooBig(null) };
    return decodeNote(bytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, error: 'file not found' };
    if (err.code === 'EACCES') return { ok: false, error: 'permission denied' };
    if (err.code === 'EISDIR') return { ok: false, error: 'is a directory, not a file' };
    return { ok: false, error: `cannot read file: ${err.message}` };
  } finally {
    if (fd !== null && fd !== 0) closeSync(fd);
  }
}

/** Is this the start of a binary file? The sample test `decodeNote` uses (NUL bytes, control characters). */
export function binaryReason(sample: Uint8Array): string | null {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary file (contains NUL bytes): not a text file';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length && control / sample.length > 0.05 ? 'binary file (too many control characters): not a text file' : null;
}
