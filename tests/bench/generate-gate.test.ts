import { describe, it, expect } from 'vitest';
import type { Quad } from '@rdfjs/types';
import type { ValidationReport } from '../../src/validate/report.js';
import { isPublishable } from '../../src/validate/report.js';
import { mapFile } from '../../src/pipeline.js';
import { generateRecords } from '../../bench/generate.js';

type LoadValidator = () => Promise<{ validate(quads: Quad[]): ValidationReport }>;

/** The SHACL gate, when it is part of the build; the agreement test needs it. */
async function gate(): Promise<LoadValidator | undefined> {
  try {
    const path = '../../src/validate/index.js';
    const mod = (await import(/* @vite-ignore */ path)) as { loadValidator?: LoadValidator };
    return mod.loadValidator;
  } catch {
    return undefined;
  }
}

const loadValidator = await gate();

describe('generated records and the real pipeline', () => {
  it('reads every generated record', () => {
    for (const r of generateRecords({ count: 500, seed: 11, invalidRate: 0.05 })) {
      const mapped = mapFile(r.text, `${r.id}.txt`, 'http://localhost:3000');
      expect(mapped).toHaveLength(1);
      expect(mapped[0]?.id).toBe(r.id);
    }
  });

  it.skipIf(!loadValidator)('publishes exactly the records generated valid, and refuses each planted violation', async () => {
    const validator = await (loadValidator as LoadValidator)();
    const wrong: string[] = [];
    let planted = 0;
    for (const r of generateRecords({ count: 400, seed: 11, invalidRate: 0.1 })) {
      const [mapped] = mapFile(r.text, `${r.id}.txt`, 'http://localhost:3000');
      const publishable = isPublishable(validator.validate(mapped?.quads ?? []));
      if (r.invalid) planted++;
      if (publishable === Boolean(r.invalid)) wrong.push(`${r.id} (${r.invalid ?? 'valid'})`);
    }
    expect(planted).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
