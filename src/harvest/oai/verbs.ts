// The six verbs: each request is checked in full before the first byte is written, then the answer is streamed record by record.
import { setImmediate as tick } from 'node:timers/promises';
import type { CatalogEntry } from '../../catalog/catalog.js';
import type { Sink } from '../sink.js';
import { earliestModified } from '../snapshot.js';
import { baseUrl, oaiIdentifier, resolveIdentifier, type OaiContext } from './context.js';
import { datestamp } from './dates.js';
import { echoesArguments, OaiError } from './errors.js';
import { METADATA_FORMATS, metadataFormat, type MetadataFormat } from './formats.js';
import { selectPage } from './list.js';
import { OAI_DC_NS, OAI_DC_SCHEMA } from './dc.js';
import { setIndex, type OaiSet, type SetIndex } from './sets.js';
import { parseRequest, type OaiRequest, type RawArguments } from './request.js';
import { element, envelopeStart, ENVELOPE_END, XSI_NS } from './xml.js';

/** Writes the body of the verb's element; the envelope is written around it. */
type Body = (sink: Sink) => Promise<void>;

/** Answers one OAI-PMH request into `sink` (the caller ends it). Protocol errors become <error> elements. */
export async function respond(raw: RawArguments, ctx: OaiContext, sink: Sink): Promise<void> {
  const responseDate = datestamp(ctx.now());
  let request: OaiRequest | undefined;
  let body: Body;
  try {
    request = parseRequest(raw);
    body = await prepare(request, ctx);
  } catch (e) {
    const errors = oaiErrors(e);
    const echo = request && echoesArguments(errors[0]!.code) ? echoAttributes(request) : {};
    await sink.write(envelopeStart(responseDate, baseUrl(ctx), echo));
    for (const error of errors) await sink.write(`  ${element('error', error.message, { code: error.code })}\n`);
    await sink.write(ENVELOPE_END);
    return;
  }
  await sink.write(envelopeStart(responseDate, baseUrl(ctx), echoAttributes(request)));
  await sink.write(`  <${request.verb}>\n`);
  await body(sink);
  await sink.write(`  </${request.verb}>\n${ENVELOPE_END}`);
}

function oaiErrors(e: unknown): OaiError[] {
  if (e instanceof OaiError) return [e];
  if (e instanceof AggregateError && e.errors.every((x) => x instanceof OaiError)) return e.errors as OaiError[];
  throw e;
}

/** The request's arguments as <request> attributes, leaving out any value the schema's attribute types would refuse. */
function echoAttributes(request: OaiRequest): { [name: string]: string } {
  const out: { [name: string]: string } = { verb: request.verb };
  for (const [name, value] of Object.entries(request.args)) {
    if (name === 'metadataPrefix' && !/^[A-Za-z0-9\-_.!~*'()]+$/.test(value)) continue;
    if (name === 'identifier' && !/^[\x21-\x7e]+$/.test(value)) continue;
    if (name === 'set' && !/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(value)) continue;
    out[name] = value;
  }
  return out;
}

async function prepare(request: OaiRequest, ctx: OaiContext): Promise<Body> {
  const { verb, args } = request;
  switch (verb) {
    case 'Identify':
      return identify(ctx);
    case 'ListMetadataFormats': {
      if (args.identifier !== undefined) resolveIdentifier(ctx, args.identifier);
      return async (sink) => {
        for (const f of METADATA_FORMATS) {
          await sink.write(
            `    <metadataFormat>${element('metadataPrefix', f.prefix)}${element('schema', f.schema)}${element('metadataNamespace', f.namespace)}</metadataFormat>\n`,
          );
        }
      };
    }
    case 'ListSets': {
      // The set list is short (families, types, journals, folders): one response, so a resumptionToken is never valid.
      if (args.resumptionToken !== undefined) throw new OaiError('badResumptionToken', 'ListSets is answered in one response; it issues no resumption tokens');
      const { sets } = await setIndex(ctx.catalog, ctx.sets);
      if (sets.length === 0) throw new OaiError('noSetHierarchy', 'this repository has no sets');
      return async (sink) => {
        for (const s of sets) await sink.write(`    ${setXml(s)}\n`);
      };
    }
    case 'GetRecord': {
      const errors: OaiError[] = [];
      const format = metadataFormat(args.metadataPrefix!);
      if (!format) errors.push(new OaiError('cannotDisseminateFormat', `the metadata format ${args.metadataPrefix} is not disseminated; see ListMetadataFormats`));
      let record: CatalogEntry | undefined;
      try {
        record = resolveIdentifier(ctx, args.identifier!);
      } catch (e) {
        errors.push(e as OaiError);
      }
      if (errors.length) throw errors.length === 1 ? errors[0]! : new AggregateError(errors);
      const sets = await setIndex(ctx.catalog, ctx.sets);
      return async (sink) => sink.write(await recordXml(ctx, record!, format!, sets));
    }
    case 'ListIdentifiers':
    case 'ListRecords': {
      const page = await selectPage(ctx, verb, args);
      const sets = await setIndex(ctx.catalog, ctx.sets);
      return async (sink) => {
        let n = 0;
        for (const r of page.records) {
          if (sink.aborted) return;
          await sink.write(verb === 'ListRecords' ? await recordXml(ctx, r, page.format, sets) : `    ${header(ctx, r, sets)}\n`);
          // Let other requests run between records while a page is rendered.
          if (++n % 20 === 0) await tick();
        }
        if (page.token !== undefined) {
          await sink.write(`    ${element('resumptionToken', page.token, { completeListSize: page.completeListSize, cursor: page.cursor })}\n`);
        }
      };
    }
  }
}

function identify(ctx: OaiContext): Body {
  const lines = [
    element('repositoryName', ctx.repositoryName),
    element('baseURL', baseUrl(ctx)),
    element('protocolVersion', '2.0'),
    element('adminEmail', ctx.adminEmail),
    element('earliestDatestamp', datestamp(earliestModified(ctx.catalog))),
    element('deletedRecord', 'persistent'),
    element('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
    element('compression', 'gzip'),
    oaiIdentifierDescription(ctx),
  ];
  return (sink) => sink.write(lines.map((l) => `    ${l}\n`).join(''));
}

export const OAI_IDENTIFIER_NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';

/** Identify's oai-identifier description: how this repository's identifiers are built, with a real one as the sample. */
function oaiIdentifierDescription(ctx: OaiContext): string {
  const sample = oaiIdentifier(ctx, ctx.catalog.records.at(0)?.id ?? 'example');
  return (
    `<description><oai-identifier xmlns="${OAI_IDENTIFIER_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_IDENTIFIER_NS} ${OAI_IDENTIFIER_NS}.xsd">` +
    `${element('scheme', 'oai')}${element('repositoryIdentifier', ctx.repositoryId)}${element('delimiter', ':')}${element('sampleIdentifier', sample)}` +
    '</oai-identifier></description>'
  );
}

function header(ctx: OaiContext, r: CatalogEntry, sets: SetIndex): string {
  const specs = sets.specsOf.get(r.id) ?? [];
  return `<header${r.deleted ? ' status="deleted"' : ''}>${element('identifier', oaiIdentifier(ctx, r.id))}${element('datestamp', datestamp(r.lastModified))}${specs.map((s) => element('setSpec', s)).join('')}</header>`;
}

/** A <set>, its description as oai_dc (the form the protocol's examples and most harvesters read). */
function setXml(s: OaiSet): string {
  const description = s.description
    ? `<setDescription><oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_DC_NS} ${OAI_DC_SCHEMA}">${element('dc:description', s.description)}</oai_dc:dc></setDescription>`
    : '';
  return `<set>${element('setSpec', s.spec)}${element('setName', s.name)}${description}</set>`;
}

/** A record with its metadata; a deleted one is its header alone (§2.5.1). */
async function recordXml(ctx: OaiContext, r: CatalogEntry, format: MetadataFormat, sets: SetIndex): Promise<string> {
  const record = r.deleted ? undefined : await ctx.catalog.get(r.id);
  if (!record) return `    <record>\n      ${header(ctx, r, sets)}\n    </record>\n`;
  return `    <record>\n      ${header(ctx, r, sets)}\n      <metadata>\n        ${format.render(record, { dc: ctx.dc })}\n      </metadata>\n    </record>\n`;
}
