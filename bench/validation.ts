// Validation alone, both engines side by side on the same mapped records: wall time, CPU time, and the ratio.
import type { Quad } from '@rdfjs/types';
import type { Gate } from '../src/validate/gate.js';
import { loadGate } from '../src/validate/gate.js';
import { isPublishable } from '../src/validate/report.js';
import type { Row } from './lib/report.js';
import { now, perSecond } from './lib/stats.js';

const AREA = 'validation';

interface Pass {
  wallMs: number;
  cpuMs: number;
  refused: number;
}

/** One pass of the gate over every record, with the process CPU time it took (user + system). */
function pass(gate: Gate, records: readonly Quad[][]): Pass {
  const c0 = process.cpuUsage();
  const t0 = now();
  let refused = 0;
  for (const quads of records) if (!isPublishable(gate(quads))) refused++;
  const wallMs = now() - t0;
  const cpu = process.cpuUsage(c0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, refused };
}

/** The median pass of `n` after one warm-up pass: the machine is shared, and one pass of the compiled engine is short. */
function medianPass(gate: Gate, records: readonly Quad[][], n: number): Pass {
  pass(gate, records.slice(0, Math.min(records.length, 500)));
  const passes = Array.from({ length: n }, () => pass(gate, records)).sort((a, b) => a.wallMs - b.wallMs);
  return passes[Math.floor(n / 2)] as Pass;
}

export interface ValidationOutcome {
  rows: Row[];
  /** Compiled engine, records per second of wall time on one thread. */
  compiledPerSecond: number;
  /** The same by CPU time. */
  compiledPerCpuSecond: number;
}

/** `referenceCount` bounds the records the reference engine validates: at 2–10 ms a record it would dominate the run. */
export async function validationSection(records: readonly Quad[][], referenceCount: number): Promise<ValidationOutcome> {
  const compiled = await loadGate({ engine: 'compiled' });
  const reference = await loadGate({ engine: 'reference' });
  const sample = records.slice(0, referenceCount);
  const c = medianPass(compiled, records, 5);
  const r = medianPass(reference, sample, 1);
  const cRate = perSecond(records.length, c.wallMs);
  const rRate = perSecond(sample.length, r.wallMs);
  const us = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(1)} µs`;
  const rows: Row[] = [
    {
      area: AREA,
      measure: 'compiled engine (default)',
      value: cRate,
      unit: 'rec/s',
      detail: `${us(c.wallMs, records.length)}/record wall, ${us(c.cpuMs, records.length)} CPU; median of 5 passes over ${records.length}; ${c.refused} refused`,
    },
    {
      area: AREA,
      measure: 'reference engine (rdf-validate-shacl)',
      value: rRate,
      unit: 'rec/s',
      detail: `${us(r.wallMs, sample.length)}/record wall, ${us(r.cpuMs, sample.length)} CPU; one pass over ${sample.length}; ${r.refused} refused`,
    },
    {
      area: AREA,
      measure: 'compiled ÷ reference',
      value: cRate / rRate,
      unit: 'ratio',
      detail: `records/s on the same records; by CPU time ${((r.cpuMs / sample.length) / (c.cpuMs / records.length)).toFixed(0)}×`,
    },
  ];
  return { rows, compiledPerSecond: cRate, compiledPerCpuSecond: perSecond(records.length, c.cpuMs) };
}
