// Summarises a V8 .cpuprofile: self time by package (or project folder) and by function, to say where the time goes.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "n3", "rdf-validate-shacl", "ldpub src/validate", "(node internals)", "(gc)" … */
export function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const m = /\/dist\/((?:src|bench)\/[^/]+)/.exec(url);
  if (m) return `ldpub ${m[1]}`;
  return url.startsWith('node:') ? '(node internals)' : url;
}

export function summarise(profile: Profile, top = 15): string {
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = selfMs.get(n.id) ?? 0;
    const owner = ownerOf(n.callFrame.url, n.callFrame.functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${owner}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const lines = (m: Map<string, number>): string[] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  return [`total ${total.toFixed(0)} ms sampled`, '', 'self time by package:', ...lines(byOwner), '', 'self time by function:', ...lines(byFn)].join('\n');
}

const file = process.argv[2];
if (file && import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile)}\n`);
}
