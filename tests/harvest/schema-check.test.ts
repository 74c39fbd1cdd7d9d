// The schema check the OAI-PMH tests rely on refuses what the schemas refuse: a check that cannot fail proves nothing.
import { describe, expect, it } from 'vitest';
import { ResponseLog, schemaErrors } from './helpers.js';

const OAI = 'http://www.openarchives.org/OAI/2.0/';

describe('schemaErrors (xmllint-wasm against the shipped XSDs)', () => {
  it('accepts a minimal valid error response', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="${OAI}"><responseDate>2024-01-01T00:00:00Z</responseDate><request>http://data.example.org/oai</request><error code="badVerb">no verb</error></OAI-PMH>`;
    expect(await schemaErrors(xml)).toBe('');
  });

  it('refuses an element the OAI-PMH schema does not have, naming it', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="${OAI}"><responseDate>2024-01-01T00:00:00Z</responseDate><request>http://data.example.org/oai</request><bogus/></OAI-PMH>`;
    expect(await schemaErrors(xml)).toMatch(/bogus/);
  });

  it('refuses an oai_dc record with an element outside Dublin Core', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="${OAI}"><responseDate>2024-01-01T00:00:00Z</responseDate><request verb="GetRecord" identifier="oai:x:1" metadataPrefix="oai_dc">http://data.example.org/oai</request>
<GetRecord><record><header><identifier>oai:x:1</identifier><datestamp>2024-01-01</datestamp></header><metadata>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>t</dc:title><dc:nonsense>x</dc:nonsense></oai_dc:dc>
</metadata></record></GetRecord></OAI-PMH>`;
    expect(await schemaErrors(xml)).toMatch(/nonsense/);
  });

  it('refuses what is not well-formed', async () => {
    expect(await schemaErrors('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">')).not.toBe('');
  });

  it('refuses a DataCite payload outside the kernel 4.7 schema, and an OpenAIRE payload outside the 4.0 schema', async () => {
    const wrap = (payload: string) => `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="${OAI}"><responseDate>2024-01-01T00:00:00Z</responseDate><request verb="GetRecord" identifier="oai:x:1" metadataPrefix="p">http://data.example.org/oai</request>
<GetRecord><record><header><identifier>oai:x:1</identifier><datestamp>2024-01-01</datestamp></header><metadata>${payload}</metadata></record></GetRecord></OAI-PMH>`;
    const datacite = '<resource xmlns="http://datacite.org/schema/kernel-4"><identifier identifierType="DOI">10.1/x</identifier></resource>';
    expect(await schemaErrors(wrap(datacite))).toMatch(/creators|Missing child/);
    const openaire = '<oaire:resource xmlns:oaire="http://namespace.openaire.eu/schema/oaire/"><oaire:resourceType resourceTypeGeneral="poem" uri="http://purl.org/coar/resource_type/c_6501">x</oaire:resourceType></oaire:resource>';
    expect(await schemaErrors(wrap(openaire))).toMatch(/resourceTypeGeneral/);
    const log = new ResponseLog();
    log.add(wrap(datacite));
    log.add(wrap(openaire));
    log.add(`<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="${OAI}"><responseDate>2024-01-01T00:00:00Z</responseDate><request>http://data.example.org/oai</request><error code="badVerb">no verb</error></OAI-PMH>`);
    const invalid = await log.invalid();
    expect(invalid).toHaveLength(2);
    expect(invalid.join('\n')).toMatch(/resourceTypeGeneral/);
  });
});
