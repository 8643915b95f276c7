/**
 * npm run -s analyze -- [--json] FILE [FILE...]   ("-" reads stdin)
 * One JSON object per file and line with --json, in input order; a readable report otherwise.
 * A file that cannot be read gets {"file","error"} (also on stderr); the others are still
 * processed, and the exit status is 1 at the end.
 */
import { analyze } from '../engine/index';
import { readNoteFile } from './read-input';
import { toJsonLine, toReport } from './format';

const USAGE = 'usage: npm run -s analyze -- [--json] FILE [FILE...]   (- reads stdin)\n';
const FLAGS = new Set(['--json', '--help', '-h']);

function main(argv: string[]): number {
  // "--jsn" must not fall back to the readable report: an unknown flag is a usage error.
  const unknown = argv.find((a) => a.startsWith('-') && a !== '-' && !FLAGS.has(a));
  if (unknown) {
    process.stderr.write(`analyze: unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  const json = argv.includes('--json');
  const help = argv.includes('--help') || argv.includes('-h');
  const files = argv.filter((a) => a === '-' || !a.startsWith('-'));
  if (help || files.length === 0) {
    process.stderr.write(USAGE);
    return help ? 0 : 2;
  }
  let failed = 0;
  for (const file of files) {
    const input = readNoteFile(file);
    if (!input.ok) {
      failed++;
      process.stderr.write(`${file}: ${input.error}\n`);
      process.stdout.write(json ? `${JSON.stringify({ file, error: input.error })}\n` : `== ${file}\n  error: ${input.error}\n`);
      continue;
    }
    try {
      const a = analyze(input.text);
      process.stdout.write(json ? `${JSON.stringify(toJsonLine(file, a, input.note))}\n` : `${toReport(file, a)}\n`);
    } catch (e) {
      failed++;
      const error = `analysis failed: ${(e as Error).message}`;
      process.stderr.write(`${file}: ${error}\n`);
      process.stdout.write(json ? `${JSON.stringify({ file, error })}\n` : `== ${file}\n  error: ${error}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
