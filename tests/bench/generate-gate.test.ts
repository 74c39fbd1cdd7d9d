import { describe, it, expect } from 'vitest';
import { isPublishable } from '../../src/validate/report.js';
import { mapFile } from '../../src/pipeline.js';
import { generateRecords } from '../../bench/generate.js';
import { loadValidator } from '../../src/validate/index.js';

describe('generated records and the real pipeline', () => {
  it('reads every generated record', () => {
    for (const r of generateRecords({ count: 500, seed: 11, invalidRate: 0.05 })) {
      const mapped = mapFile(r.text, `${r.id}.txt`, 'http://localhost:3000');
      expect(mapped).toHaveLength(1);
      expect(mapped[0]?.id).toBe(r.id);
    }
  });

  it('publishes exactly the records generated valid, and refuses each planted violation', async () => {
    const validator = await loadValidator();
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
