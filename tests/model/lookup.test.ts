// Strings that name a property of every plain object, fed to every entry point that looks a string up in a table:
// each is an unknown value like any other (a usage error, a refusal, a value kept as given), never an inherited function.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStyle } from '../../src/citation/styles.js';
import { LdpubError } from '../../src/errors.js';
import { writeMarcXml } from '../../src/formats/marcxml.js';
import { lookupTable } from '../../src/model/lookup.js';
import { packageRoot } from '../../src/paths.js';
import { marcLanguageCode } from '../../src/readers/marc/values.js';
import { readFile } from '../../src/readers/index.js';
import type { Record } from '../../src/model/record.js';

const INHERITED = ['constructor', 'valueOf', 'toString', 'hasOwnProperty', '__proto__', '__defineGetter__'];

describe('tables looked up by outside strings', () => {
  it('have no prototype', () => {
    const table = lookupTable({ a: 1 });
    for (const name of INHERITED) expect(table[name], name).toBeUndefined();
    expect(table.a).toBe(1);
    expect(Object.isFrozen(table)).toBe(true);
  });

  it('the CLI refuses such a command name as unknown, exit 2', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const r = spawnSync(process.execPath, [join(packageRoot(), 'dist', 'src', 'cli.js'), name], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status, name).toBe(2);
      expect(r.stderr).toContain(`unknown command "${name}"`);
    }
  });

  it('a citation style of such a name is an unknown style', () => {
    for (const name of INHERITED) expect(() => resolveStyle(name), name).toThrow(LdpubError);
  });

  it('a language of such a name has no MARC code, and the MARC writer writes the record', () => {
    for (const name of INHERITED) {
      expect(marcLanguageCode(name), name).toBeUndefined();
      const record: Record = {
        type: 'article', title: 'T', language: name, authors: [], contributors: [], subjects: [], isbns: [], notes: [],
        funding: [], identifiers: [], relations: [],
      };
      expect(writeMarcXml(record, 'x')).toContain('<datafield tag="245"');
    }
  });

  it('a CSL-JSON item whose type or name part is such a string is read, the string kept as text', () => {
    for (const name of INHERITED) {
      const json = JSON.stringify([{ id: 'x', type: name, title: name, author: [{ family: name, given: name }], 'container-title': name }]);
      const { records } = readFile(new TextEncoder().encode(json), 'odd.json');
      expect(records, name).toHaveLength(1);
      expect(records[0]!.title).toBe(name);
      expect(records[0]!.authors[0]).toMatchObject({ family: name });
    }
  });
});
