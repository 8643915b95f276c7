import { MAX_CHARS } from '../../../engine/limits';
import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useWorkspace } from '../../lib/store';
import { fileToText, normalizeNote, payloadToText } from '../../lib/plain-text';
import { formatCount } from '../../lib/format';
import { SAMPLES } from '../../samples';
import { SHORTCUT_KEYS } from '../help/shortcuts';

/** Files larger than this are refused: an operative note is a few kilobytes. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The engine reads at most this many characters (src/engine/limits.ts, which loads nothing else). */
export const ANALYSIS_CHAR_CAP = MAX_CHARS;

/**
 * Longest piece of text a paste or drop puts into the editor: what the engine reads. A 2 MB paste
 * went into the textarea whole and cost one main-thread task of ~1 s (issue 19); the text is now
 * read from the clipboard, cut here before it reaches the textarea or any conversion, and the
 * user is told what was kept.
 */
export const PASTE_CAP = MAX_CHARS;
/** Rich-text payloads (HTML, RTF) carry markup: they are cut at this many characters before conversion. */
const RICH_PASTE_CAP = 4 * PASTE_CAP;

/**
 * What to tell the user when a paste was cut; null when it was kept whole. `length` is the
 * pasted text's length when it is known (plain text), null when only "longer than the cap" is
 * known (formatted text cut before conversion).
 */
export function capNotice(length: number | null): string | null {
  if (length !== null && length <= PASTE_CAP) return null;
  const cap = PASTE_CAP.toLocaleString('en-US');
  const was = length === null ? `longer than ${cap} characters` : `${length.toLocaleString('en-US')} characters`;
  return `The pasted text was ${was}: the first ${cap} (what the engine reads) were pasted, the rest was not (it is still where you copied it from).`;
}

/** A pasted or dropped payload cut to the caps: the plain text to insert, and the notice. */
export function takePayload(get: (type: string) => string): { text: string; notice: string } | null {
  const plain = get('text/plain');
  let richCut = false;
  const capped = (type: string): string => {
    if (type === 'text/plain') return plain.length > PASTE_CAP ? plain.slice(0, PASTE_CAP) : plain;
    const v = get(type);
    if (v.length <= RICH_PASTE_CAP) return v;
    richCut = true;
    return v.slice(0, RICH_PASTE_CAP);
  };
  const converted = payloadToText(capped);
  if (converted === null && plain.length <= PASTE_CAP) return null; // ordinary plain text: the textarea pastes it
  const whole = converted ?? capped('text/plain');
  const cut = plain.length > PASTE_CAP ? capNotice(plain.length) : richCut || whole.length > PASTE_CAP ? capNotice(null) : null;
  return { text: whole.length > PASTE_CAP ? whole.slice(0, PASTE_CAP) : whole, notice: cut ?? 'Formatted text was pasted as plain text.' };
}

/**
 * True when a pasted payload is over the cap: the plain text, or (when there is none) a
 * formatted type that takePayload would convert. Reads every type takePayload can ask
 * for, so a getter that caches what it read answers takePayload later without the clipboard.
 */
export function isLargePayload(get: (type: string) => string): boolean {
  const plain = get('text/plain');
  if (plain) return plain.length > PASTE_CAP;
  return ['text/html', 'text/rtf', 'application/rtf'].some((t) => get(t).length > PASTE_CAP);
}

/** Control characters and U+FFFD (what undecodable bytes become): a sign of binary data. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

/** A warning for text the engine cannot read well: over the cap, or mostly unreadable. */
export function inputWarning(text: string): string | null {
  if (text.length > ANALYSIS_CHAR_CAP) {
    return `This note is ${formatCount(text.length)} characters. Only the first ${formatCount(ANALYSIS_CHAR_CAP)} (the size cap) are analysed; the rest is not read.`;
  }
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const bad = sample.match(UNREADABLE)?.length ?? 0;
  if (bad > 0 && bad >= Math.max(3, sample.length * 0.02)) {
    return 'This text contains binary or unreadable characters (was it a PDF or Word file?). Paste the note as plain text for a meaningful result.';
  }
  return null;
}

/** Paste, type, drop a file, or pick a sample. Rich text is always reduced to plain text. */
export function NoteInput() {
  const text = useWorkspace((s) => s.text);
  const sampleId = useWorkspace((s) => s.sampleId);
  const setText = useWorkspace((s) => s.setText);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const warning = inputWarning(text);

  /** Put `plain` in place of the selection (or of `at`, the selection when the paste happened). */
  const insert = (plain: string, at?: { start: number; end: number }) => {
    const el = areaRef.current;
    const clean = normalizeNote(plain);
    if (!el) {
      setText(text + clean);
      return;
    }
    const start = Math.min(at?.start ?? el.selectionStart ?? el.value.length, el.value.length);
    const end = Math.min(Math.max(start, at?.end ?? el.selectionEnd ?? el.value.length), el.value.length);
    const next = el.value.slice(0, start) + clean + el.value.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      el.selectionStart = el.selectionEnd = start + clean.length;
    });
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    // The clipboard can be read only during the event: each type is read once and kept.
    const data = e.clipboardData;
    const raw = new Map<string, string>();
    const get = (type: string): string => {
      let v = raw.get(type);
      if (v === undefined) raw.set(type, (v = data.getData(type)));
      return v;
    };
    if (!isLargePayload(get)) {
      const taken = takePayload(get);
      if (!taken) return; // ordinary plain text of a normal size: let the textarea paste it
      e.preventDefault();
      insert(taken.text);
      setNotice(taken.notice);
      return;
    }
    // A payload over the cap (issue 19): the event only reads the clipboard; cutting it,
    // converting it and putting it in the editor (a render of a 300,000-character textarea and
    // its layout) run in a task of their own, so the paste event stays a short task.
    e.preventDefault();
    const el = e.currentTarget;
    const at = { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
    setTimeout(() => {
      const taken = takePayload((t) => raw.get(t) ?? '');
      if (!taken) return;
      insert(taken.text, at);
      setNotice(taken.notice);
    }, 0);
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setNotice(`${file.name} is too large (${Math.round(file.size / 1024)} KB); an operative note should be plain text.`);
      return;
    }
    const raw = await file.text();
    if (raw.slice(0, 4096).includes(String.fromCharCode(0))) {
      setNotice(`${file.name} is not a text file. Drop a .txt, .rtf or .html note.`);
      return;
    }
    const note = fileToText(file.name, raw.length > RICH_PASTE_CAP ? raw.slice(0, RICH_PASTE_CAP) : raw);
    setText(note.length > PASTE_CAP ? note.slice(0, PASTE_CAP) : note);
    const cap = PASTE_CAP.toLocaleString('en-US');
    setNotice(
      note.length > PASTE_CAP
        ? `Loaded the first ${cap} characters (what the engine reads) of ${file.name}, which is longer (${raw.length.toLocaleString('en-US')} characters as read); the rest was not loaded.`
        : `Loaded ${file.name}.`,
    );
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) {
      void readFile(file);
      return;
    }
    const taken = takePayload((t) => e.dataTransfer.getData(t));
    if (taken) {
      insert(taken.text);
      setNotice(taken.notice);
      return;
    }
    const plain = e.dataTransfer.getData('text/plain');
    if (plain) insert(plain);
  };

  return (
    <section aria-labelledby="note-heading" className="card flex min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 id="note-heading" className="card-title mr-auto">
          Operative note
        </h2>
        <label htmlFor="sample-select" className="sr-only">
          Load a sample note
        </label>
        <select
          id="sample-select"
          className="max-w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
          value={sampleId ?? ''}
          onChange={(e) => {
            const s = SAMPLES.find((x) => x.id === e.target.value);
            if (s) {
              setText(normalizeNote(s.text), s.id);
              setNotice(`Loaded sample: ${s.title}.`);
            }
          }}
        >
          <option value="">Sample notes…</option>
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".txt,.text,.rtf,.htm,.html,text/plain"
          className="hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void readFile(f);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="btn"
          disabled={!text}
          onClick={() => {
            setText('');
            setNotice('Note cleared.');
            areaRef.current?.focus();
          }}
        >
          Clear
        </button>
      </div>
      <div
        className={`relative flex flex-1 flex-col p-3 ${dragging ? 'bg-teal-50 ring-2 ring-teal-500 ring-inset dark:bg-teal-950' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor="note-text" className="sr-only">
          Operative note text
        </label>
        <textarea
          id="note-text"
          ref={areaRef}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPaste={onPaste}
          spellCheck={false}
          aria-keyshortcuts={SHORTCUT_KEYS.focusNote}
          aria-describedby={warning ? 'note-hint note-warning' : 'note-hint'}
          placeholder={'Paste or type an operative note, drop a .txt file here, or pick a sample note above.'}
          className="min-h-[18rem] w-full flex-1 resize-y rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-[13px] leading-relaxed text-slate-900 placeholder:text-slate-400 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 xl:min-h-[32rem]"
        />
        {warning && (
          <p
            id="note-warning"
            role="alert"
            data-testid="input-warning"
            className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            {warning}
          </p>
        )}
        <p id="note-hint" className="mt-2 flex justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
          <span role="status" aria-live="polite" data-testid="note-notice">
            {notice || 'Formatted text (HTML, RTF) is reduced to plain text. The note stays on this device.'}
          </span>
          <span className="shrink-0 tabular-nums">{formatCount(text.length)} chars</span>
        </p>
      </div>
    </section>
  );
}
