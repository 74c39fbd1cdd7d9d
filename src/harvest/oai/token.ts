// Resumption tokens: stateless (the position travels in the token) and tamper-evident (HMAC-SHA256 over the payload).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OaiError } from './errors.js';

/** Where a list harvest stands: the list's arguments, how far it got, and in which catalog snapshot. */
export interface TokenState {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: string;
  from?: string;
  until?: string;
  /** The set of a selective harvest. */
  set?: string;
  /** Records returned so far. */
  cursor: number;
  /** The id of the last record returned: the list continues after it (ids are the catalog's sort order). */
  after: string;
  /** The index in the snapshot's records to resume scanning at, valid only in that snapshot. */
  index: number;
  /** The snapshot the token was issued in. */
  snapshot: string;
  /**
   * completeListSize as counted on the first page, valid in the same snapshot: later pages need not count the
   * rest of the list again (at a million records, a scan to the end for every page of a harvest).
   */
  total?: number;
}

export class TokenCodec {
  private readonly key: Buffer;

  /** With no secret, a random one: tokens then stop working when the process restarts. */
  constructor(secret?: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  encode(state: TokenState): string {
    const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The state a token carries; badResumptionToken for anything not issued by this key, or malformed. */
  decode(token: string): TokenState {
    const bad = () => new OaiError('badResumptionToken', 'the resumption token is invalid or has expired; start the list again');
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 4096) throw bad();
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad();
    let state: unknown;
    try {
      state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw bad();
    }
    if (!isState(state)) throw bad();
    return state;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

function isState(s: unknown): s is TokenState {
  if (typeof s !== 'object' || s === null) return false;
  const o = s as { [k: string]: unknown };
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  return (
    (o.verb === 'ListIdentifiers' || o.verb === 'ListRecords') &&
    typeof o.metadataPrefix === 'string' &&
    optionalString(o.from) &&
    optionalString(o.until) &&
    optionalString(o.set) &&
    Number.isSafeInteger(o.cursor) &&
    (o.cursor as number) >= 0 &&
    typeof o.after === 'string' &&
    Number.isSafeInteger(o.index) &&
    (o.index as number) >= 0 &&
    typeof o.snapshot === 'string' &&
    (o.total === undefined || (Number.isSafeInteger(o.total) && (o.total as number) >= 0))
  );
}
