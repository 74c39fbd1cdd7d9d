import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/commands/convert.js';
import { fixturePath, fixtureText } from '../helpers/fixtures.js';
import { runCommand } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { canonical, parseAs, parseTurtle } from '../helpers/graph.js';

const seed = fixturePath('catalog', 'seed-case-report.txt');

describe('ldpub convert', () => {
  it('writes the seed as Turtle to stdout by default', async () => {
    const r = await runCommand(run, [seed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a schema:ScholarlyArticle');
  });

  it.each([
    ['jsonld', 'application/ld+json'],
    ['ntriples', 'application/n-triples'],
    ['rdfxml', 'application/rdf+xml'],
  ])('--to %s gives the same graph as Turtle', async (to, mediaType) => {
    const turtle = await runCommand(run, [seed]);
    const other = await runCommand(run, [seed, '--to', to]);
    expect(other.code).toBe(0);
    expect(await canonical(await parseAs(mediaType, other.stdout))).toBe(await canonical(parseTurtle(turtle.stdout)));
  });

  it('writes a formatted citation in the style and locale asked for', async () => {
    const r = await runCommand(run, [seed, '--to', 'citation', '--style', 'vancouver', '--locale', 'de-DE']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kanda Y, Kakiuchi Y, Yurube T,/);
  });

  it('uses --base for every URI', async () => {
    const r = await runCommand(run, [seed, '--base', 'https://data.example.org/']);
    expect(r.stdout).toContain('<https://data.example.org/record/seed-case-report>');
    expect(r.stdout).not.toContain('localhost');
  });

  it('reports an unreadable file on one line naming file, field and value, and still converts the good one', async () => {
    const dir = tempDir('convert');
    const bad = join(dir, 'page.txt');
    writeFileSync(bad, '<!DOCTYPE html><html><body>not a record</body></html>');
    const r = await runCommand(run, [bad, seed, join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/page\.txt: content "<!DOCTYPE html>".*\[LDPUB_NOT_A_RECORD\]$/);
    expect(lines[1]).toMatch(/missing\.txt: .*ENOENT.*\[LDPUB_IO\]$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('a schema:ScholarlyArticle');
  });

  it.each([
    [['--to', 'docx', seed], /unknown format "docx"/],
    [[], /no input files/],
    [['--bogus', seed], /Unknown option '--bogus'/],
    [['--base', 'not a url', seed], /--base "not a url"/],
    [['--to', 'citation', '--style', 'klingon', seed], /style "klingon": unknown citation style; available: apa, .*vancouver=nlm-citation-sequence/],
    [['--to', 'citation', '--locale', 'tlh', seed], /locale "tlh": unknown citation locale; available: de-DE, en-GB/],
  ])('refuses misuse %j with exit 2', async (argv, message) => {
    const r = await runCommand(run, argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a record the shapes refuse, with its report, unless --no-validate', async () => {
    const dir = tempDir('convert');
    const bad = join(dir, 'bad-issn.txt');
    writeFileSync(bad, fixtureText('catalog', 'seed-case-report.txt').replace('ISSN:1179-5476\n1179-5476', 'ISSN:1179-5475'));
    const refused = await runCommand(run, [bad, seed]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad-issn\.txt: refused, the record does not conform to the shapes \[LDPUB_INVALID_RECORD\]/);
    expect(refused.stderr).toMatch(/bad-issn\.txt: Violation: ISSN.*"1179-5475": The ISSN check digit is wrong/);
    expect(refused.stdout.match(/a schema:ScholarlyArticle/g)).toHaveLength(1);
    const forced = await runCommand(run, [bad, '--no-validate']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('schema:issn "1179-5475"');
  });

  describe('--to csl-json', () => {
    it('writes one record as one CSL-JSON object, as DOI content negotiation does', async () => {
      const r = await runCommand(run, [seed, '--to', 'csl-json']);
      expect(r.code).toBe(0);
      const item = JSON.parse(r.stdout) as { type: string; DOI: string };
      expect(Array.isArray(item)).toBe(false);
      expect(item.type).toBe('article-journal');
    });

    it('writes several records, from one file or several, as one JSON array in input order', async () => {
      const list = fixturePath('csl-json', 'commonmeta-csl-list.json');
      const many = await runCommand(run, [list, seed, '--to', 'csl-json', '--no-validate']);
      expect(many.stderr).not.toMatch(/refused|LDPUB_(?!CONTROL_CHARS)/);
      const items = JSON.parse(many.stdout) as { id: string; title?: string }[];
      expect(Array.isArray(items)).toBe(true);
      expect(items).toHaveLength(18);
      expect(items[17]!.title).toMatch(/^The Combination of Separation Surgery/);
      // A MARC file is streamed record by record, and so is the array.
      const marc = await runCommand(run, [fixturePath('marc', 'cataloguer.xml'), '--to', 'csl-json']);
      expect((JSON.parse(marc.stdout) as unknown[]).length).toBe(6);
    });

    it('keeps the array whole around a refused record, and writes each record as it comes', async () => {
      const dir = tempDir('convert');
      const bad = join(dir, 'bad-issn.txt');
      writeFileSync(bad, fixtureText('catalog', 'seed-case-report.txt').replace('ISSN:1179-5476\n1179-5476', 'ISSN:1179-5475'));
      const malformed = fixturePath('marc', 'malformed.xml');
      const r = await runCommand(run, [seed, bad, malformed, fixturePath('catalog', 'plos-one-e-locator.txt'), '--to', 'csl-json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/bad-issn\.txt: refused/);
      expect(r.stderr).toMatch(/malformed\.xml, record 2 \(001 bad-2\).*\[LDPUB_BAD_SYNTAX\]/);
      const items = JSON.parse(r.stdout) as { title: string }[];
      expect(items.map((i) => i.title.slice(0, 20))).toEqual(['The Combination of S', 'The first good recor', 'The third good recor', 'Triose Phosphate Iso']);
      // Written as they come: the first two together, then one write per record, then the closing bracket.
      const writes: string[] = [];
      const { Writable } = await import('node:stream');
      const stdout = new Writable({ write(chunk: Buffer, _e, done) { writes.push(chunk.toString('utf8')); done(); } });
      await run([seed, malformed, '--to', 'csl-json'], { stdout, stderr: new Writable({ write: (_c, _e, done) => done() }), isTTY: false });
      expect(writes.map((w) => w.slice(0, 3))).toEqual(['[\n{', ',\n{', '\n]\n']);
      const none = await runCommand(run, [bad, '--to', 'csl-json']);
      expect([none.code, none.stdout]).toEqual([1, '']);
    });
  });

  describe('with the network unavailable', () => {
    const attempts: string[] = [];
    beforeEach(() => {
      const refuse = (what: string) => () => {
        attempts.push(what);
        throw new Error(`network access attempted: ${what}`);
      };
      vi.spyOn(http, 'request').mockImplementation(refuse('http.request'));
      vi.spyOn(http, 'get').mockImplementation(refuse('http.get'));
      vi.spyOn(https, 'request').mockImplementation(refuse('https.request'));
      vi.spyOn(https, 'get').mockImplementation(refuse('https.get'));
      vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect'));
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
    });
    afterEach(() => vi.restoreAllMocks());

    it.each(['turtle', 'jsonld', 'ntriples', 'rdfxml'])('converts to %s without touching the network', async (to) => {
      const r = await runCommand(run, [seed, '--to', to]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(attempts).toEqual([]);
    });
  });

  it('reads the seed byte for byte as shipped in data/', () => {
    expect(fixtureText('catalog', 'seed-case-report.txt')).toBe(fixtureText('..', '..', 'data', '000_dbb0811b20e3e0e2.txt'));
  });
});
