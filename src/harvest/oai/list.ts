// ListIdentifiers and ListRecords: selects by datestamp, pages through the catalog in id order, and issues resumption tokens.
import type { Catalog, CatalogEntry } from '../../catalog/catalog.js';
import { snapshotId } from '../snapshot.js';
import { checkRange, parseBound, type DateBound } from './dates.js';
import { OaiError } from './errors.js';
import { metadataFormat, type MetadataFormat } from './formats.js';
import type { OaiContext } from './context.js';
import type { TokenState } from './token.js';
import { checkSetArgument, inSet, setIndex } from './sets.js';

export interface ListPage {
  format: MetadataFormat;
  records: CatalogEntry[];
  /** Elements of the complete list returned before this page. */
  cursor: number;
  completeListSize: number;
  /** The token for the next page, '' on the last page of a multi-page list, undefined when the list fits one page. */
  token: string | undefined;
}

/** Validates a list request's arguments (or its token) and selects the page to return. Throws OaiError. */
export async function selectPage(ctx: OaiContext, verb: 'ListIdentifiers' | 'ListRecords', args: { [k: string]: string }): Promise<ListPage> {
  const resumption = args.resumptionToken;
  let state: Omit<TokenState, 'snapshot'> & { snapshot?: string };
  if (resumption !== undefined) {
    const decoded = ctx.tokens.decode(resumption);
    if (decoded.verb !== verb) throw new OaiError('badResumptionToken', `the resumption token belongs to ${decoded.verb}`);
    state = decoded;
  } else {
    state = { verb, metadataPrefix: args.metadataPrefix!, from: args.from, until: args.until, set: args.set, cursor: 0, after: '', index: 0 };
  }
  const from = state.from === undefined ? undefined : parseBound('from', state.from);
  const until = state.until === undefined ? undefined : parseBound('until', state.until);
  checkRange(from, until);
  const errors: OaiError[] = [];
  const format = metadataFormat(state.metadataPrefix);
  if (!format) errors.push(new OaiError('cannotDisseminateFormat', `the metadata format ${state.metadataPrefix} is not disseminated; see ListMetadataFormats`));
  const sets = await setIndex(ctx.catalog, ctx.sets);
  const setError = state.set === undefined ? undefined : checkSetArgument(sets, state.set);
  if (setError) errors.push(setError);
  if (errors.length) throw errors.length === 1 ? errors[0]! : new AggregateError(errors);

  const { catalog } = ctx;
  const start = resumeAt(catalog, state);
  const set = state.set;
  // In the snapshot the list began in, its size is known: the scan stops once the page is full.
  const known = state.snapshot === snapshotId(catalog) && state.total !== undefined && state.total >= state.cursor ? state.total : undefined;
  const { page, remaining: counted } = scan(catalog.all, start, ctx.pageSize, from, until, set === undefined ? undefined : (id) => inSet(sets, id, set), known !== undefined);
  if (page.length === 0) throw new OaiError('noRecordsMatch', 'no records match the arguments');
  const remaining = known !== undefined ? known - state.cursor : counted;
  const completeListSize = state.cursor + remaining;
  let token: string | undefined;
  if (remaining > page.length) {
    const last = page[page.length - 1]!;
    token = ctx.tokens.encode({
      verb,
      metadataPrefix: state.metadataPrefix,
      ...(state.from !== undefined ? { from: state.from } : {}),
      ...(state.until !== undefined ? { until: state.until } : {}),
      ...(state.set !== undefined ? { set: state.set } : {}),
      cursor: state.cursor + page.length,
      after: last.record.id,
      index: last.index + 1,
      snapshot: snapshotId(catalog),
      total: completeListSize,
    });
  } else if (state.cursor > 0) {
    token = '';
  }
  return { format: format!, records: page.map((p) => p.record), cursor: state.cursor, completeListSize, token };
}

/**
 * Where to resume. In the snapshot the token was issued in, at its index. In a changed catalog, just after the
 * last id returned: no record is returned twice and none present throughout is skipped; records changed meanwhile
 * carry new datestamps, so the next incremental harvest (from = this harvest's start) picks them up.
 */
function resumeAt(catalog: Catalog, state: { after: string; index: number; snapshot?: string }): number {
  if (state.snapshot === undefined) return 0;
  const records = catalog.all;
  if (state.snapshot === snapshotId(catalog) && state.index <= records.length && records.at(state.index - 1)?.id === state.after) return state.index;
  return records.rank(state.after, true);
}

/**
 * Up to `size` matching records or tombstones from `start`, and how many match from `start` on in all (with
 * `pageOnly`, the scan stops at a full page and the count is not made).
 */
function scan(records: Catalog['all'], start: number, size: number, from?: DateBound, until?: DateBound, member?: (id: string) => boolean, pageOnly = false) {
  const page: Array<{ record: CatalogEntry; index: number }> = [];
  if (!from && !until && !member) {
    let i = start;
    for (const record of records.from(start)) {
      if (page.length >= size) break;
      page.push({ record, index: i++ });
    }
    return { page, remaining: Math.max(0, records.length - start) };
  }
  let remaining = 0;
  let i = start;
  for (const record of records.from(start)) {
    const index = i++;
    const t = Math.floor(record.datestamp / 1000) * 1000;
    if ((from && t < from.ms) || (until && t > until.ms) || (member && !member(record.id))) continue;
    remaining++;
    if (page.length < size) page.push({ record, index });
    else if (pageOnly) break;
  }
  return { page, remaining };
}
