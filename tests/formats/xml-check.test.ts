// The well-formedness checks can fail: they reject what rdflib's writer wrote for `]]>` and a C0 control character.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { writeRdfXml } from '../../src/formats/rdfxml.js';
import { referenceRdfXml } from './reference.js';
import { libxml2Errors, saxesErrors } from './xml-check.js';

const { quad, namedNode, literal } = DataFactory;
const hostile = [quad(namedNode('http://example.org/r'), namedNode('http://schema.org/name'), literal('MARC\u001fsubfield ]]> and \u000b'))];

describe('the XML well-formedness checks', () => {
  it('reject rdflib’s RDF/XML for a literal with ]]> and C0 control characters', async () => {
    const xml = referenceRdfXml(hostile);
    expect(saxesErrors(xml).length).toBeGreaterThan(0);
    expect((await libxml2Errors([xml])).length).toBeGreaterThan(0);
  });

  it('reject an unescaped & and a bare ]]> in text', async () => {
    expect(saxesErrors('<a>x & y</a>').length).toBeGreaterThan(0);
    expect(saxesErrors('<a>x ]]> y</a>').length).toBeGreaterThan(0);
    expect((await libxml2Errors(['<a>x & y</a>'])).length).toBeGreaterThan(0);
  });

  it('accept the direct writer’s RDF/XML for the same literal', async () => {
    const xml = writeRdfXml(hostile);
    expect(xml).toContain('MARCsubfield ]]&gt; and ');
    expect(saxesErrors(xml)).toEqual([]);
    expect(await libxml2Errors([xml])).toEqual([]);
  });
});
