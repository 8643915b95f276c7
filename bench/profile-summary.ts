/**
 * Summarise a V8 .cpuprofile: top functions by self time, and self time grouped by source file.
 *
 *   node --cpu-prof --cpu-prof-dir=bench/out/prof --import tsx bench/engine.ts --profile 1000
 *   npx tsx bench/profile-summary.ts bench/out/prof/<file>.cpuprofile [top]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(file: string, top = 25) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/(node_modules|src)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
    const f = url || n.callFrame.functionName;
    fileSelf.set(f, (fileSelf.get(f) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const rows = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => `${pct(us)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  return [`total sampled: ${(total / 1000).toFixed(0)} ms`, '', 'top self time by function:', ...rows(fnSelf, top), '', 'self time by file:', ...rows(fileSelf, 15)].join('\n');
}

const arg = process.argv[2];
if (arg) {
  let file = arg;
  if (statSync(arg).isDirectory()) {
    // the largest profile in the folder is the main thread's
    file = readdirSync(arg)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(arg, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  }
  console.log(summarise(file, Number(process.argv[3]) || 25));
}
