// The benchmark's one result shape, its targets, and the one table printed from it.
import type { MachineInfo } from './machine.js';

export interface Row {
  area: string;
  measure: string;
  /** null when not measured; `notMeasured` then says why. */
  value: number | null;
  unit: string;
  detail?: string;
  notMeasured?: string;
}

export interface TargetCheck {
  target: string;
  goal: string;
  actual: string;
  /** null when the figure could not be measured in this run. */
  met: boolean | null;
  margin: string;
}

export interface BenchResult {
  command: string;
  quick: boolean;
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  sizes: { [name: string]: number };
  rows: Row[];
  targets: TargetCheck[];
}

export function notMeasured(area: string, measure: string, unit: string, why: string): Row {
  return { area, measure, value: null, unit, notMeasured: why };
}

/** Compares `actual` with a goal: at least `goal` (higher is better) or at most (lower is better). */
export function checkTarget(target: string, actual: number | null | undefined, goal: number, unit: string, higherIsBetter: boolean): TargetCheck {
  const goalText = `${higherIsBetter ? '≥' : '<'} ${fmt(goal)} ${unit}`;
  if (actual === null || actual === undefined || Number.isNaN(actual)) {
    return { target, goal: goalText, actual: 'not measured', met: null, margin: '' };
  }
  const met = higherIsBetter ? actual >= goal : actual < goal;
  const pct = ((actual - goal) / goal) * 100;
  const margin = `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}% (${actual >= goal ? '+' : ''}${fmt(actual - goal)} ${unit})`;
  return { target, goal: goalText, actual: `${fmt(actual)} ${unit}`, met, margin };
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
}

/** One plain-text table: the rows, then the targets. */
export function formatTable(result: BenchResult): string {
  const header = ['area', 'measure', 'value', 'unit', 'detail'];
  const body = result.rows.map((r) => [
    r.area,
    r.measure,
    r.value === null ? '—' : fmt(r.value),
    r.unit,
    r.notMeasured ? `not measured yet: ${r.notMeasured}` : (r.detail ?? ''),
  ]);
  for (const t of result.targets) {
    const verdict = t.met === null ? 'not measured' : t.met ? 'MET' : 'MISSED';
    body.push(['target', t.target, t.actual, '', `${verdict}: goal ${t.goal}${t.margin ? `, margin ${t.margin}` : ''}`]);
  }
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...body.map((r) => (r[i] ?? '').length))));
  const line = widths.map((w) => '-'.repeat(w)).join('-|-');
  const m = result.machine;
  return [
    `ldpub bench (${result.quick ? 'quick' : 'full'}) — ${m.cpuModel}, ${m.availableParallelism} cores, ${m.memoryGiB} GiB, node ${m.node}`,
    `command: ${result.command}`,
    pad(header, widths),
    line,
    ...body.map((r) => pad(r, widths)),
    `${result.durationS.toFixed(0)} s in all`,
  ].join('\n');
}
