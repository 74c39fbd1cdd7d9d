// Preconditions on GET and HEAD in RFC 9110 §13.2.2's order: If-Match, else If-Unmodified-Since (412), then
// If-None-Match, else If-Modified-Since (304).
import { describe, expect, it } from 'vitest';
import { matchHits, preconditions } from '../../src/http/conditional.js';
import { startServer, SEED_ID } from '../server/harness.js';
import { rawRequest } from '../server/raw-http.js';

const ETAG = '"abc"';
const LM = new Date(Date.UTC(2024, 0, 10, 12, 0, 0));
const before = new Date(LM.getTime() - 3600_000).toUTCString();
const after = new Date(LM.getTime() + 3600_000).toUTCString();
const at = LM.toUTCString();

describe('preconditions', () => {
  it.each([
    ['nothing asked', {}, 'proceed'],
    ['If-Match the ETag', { 'if-match': ETAG }, 'proceed'],
    ['If-Match a list holding it', { 'if-match': '"x", "abc"' }, 'proceed'],
    ['If-Match *', { 'if-match': '*' }, 'proceed'],
    ['If-Match another ETag', { 'if-match': '"other"' }, 'failed'],
    ['If-Match the weak form (strong comparison)', { 'if-match': 'W/"abc"' }, 'failed'],
    ['If-Match garbage', { 'if-match': 'abc' }, 'failed'],
    ['If-Unmodified-Since the modification date', { 'if-unmodified-since': at }, 'proceed'],
    ['If-Unmodified-Since later', { 'if-unmodified-since': after }, 'proceed'],
    ['If-Unmodified-Since earlier', { 'if-unmodified-since': before }, 'failed'],
    ['If-Unmodified-Since not a date: ignored', { 'if-unmodified-since': 'yesterday-ish' }, 'proceed'],
    ['If-Unmodified-Since ignored when If-Match is sent', { 'if-match': ETAG, 'if-unmodified-since': before }, 'proceed'],
    ['a failed If-Match beats a matching If-None-Match', { 'if-match': '"other"', 'if-none-match': ETAG }, 'failed'],
    ['a failed If-Unmodified-Since beats If-Modified-Since', { 'if-unmodified-since': before, 'if-modified-since': after }, 'failed'],
    ['If-Match holds, If-None-Match matches', { 'if-match': ETAG, 'if-none-match': ETAG }, 'not-modified'],
    ['If-Unmodified-Since holds, If-None-Match matches', { 'if-unmodified-since': after, 'if-none-match': '*' }, 'not-modified'],
    ['If-None-Match other', { 'if-none-match': '"other"' }, 'proceed'],
    ['If-Modified-Since later', { 'if-modified-since': after }, 'not-modified'],
    ['If-Modified-Since ignored with If-None-Match', { 'if-none-match': '"other"', 'if-modified-since': after }, 'proceed'],
  ])('%s → %s', (_, headers, outcome) => {
    expect(preconditions(headers, ETAG, LM)).toBe(outcome);
  });

  it('ignores If-Unmodified-Since for a representation without a modification date', () => {
    expect(preconditions({ 'if-unmodified-since': before }, ETAG, undefined)).toBe('proceed');
  });

  it('compares If-Match strongly: a weak current tag never matches but for *', () => {
    expect(matchHits('W/"abc"', 'W/"abc"')).toBe(false);
    expect(matchHits('*', 'W/"abc"')).toBe(true);
  });
});

describe('412 over HTTP', () => {
  it('answers a failed If-Match or If-Unmodified-Since with 412 on records, HEAD included, and on dumps', async () => {
    const s = await startServer();
    try {
      const url = `${s.url}/record/${SEED_ID}.ttl`;
      const ok = await rawRequest(url, { 'accept-encoding': 'gzip' });
      const etag = ok.headers.etag!;
      expect((await rawRequest(url, { 'accept-encoding': 'gzip', 'if-match': etag })).status).toBe(200);
      // The gzip ETag does not match the identity representation.
      const failed = await rawRequest(url, { 'if-match': etag });
      expect(failed.status).toBe(412);
      expect(failed.body.toString()).toMatch(/^412 Precondition failed/);
      expect(failed.headers['cache-control']).toBe('no-store');
      const head = await rawRequest(url, { 'if-match': '"other"' }, 'HEAD');
      expect(head.status).toBe(412);
      expect(head.body.length).toBe(0);
      const lm = Date.parse(ok.headers['last-modified']!);
      expect((await rawRequest(url, { 'if-unmodified-since': new Date(lm - 1000).toUTCString() })).status).toBe(412);
      expect((await rawRequest(url, { 'if-unmodified-since': new Date(lm).toUTCString() })).status).toBe(200);
      expect((await rawRequest(`${s.url}/dump.nt`, { 'if-match': '"other"' })).status).toBe(412);
      expect((await rawRequest(`${s.url}/`, { 'if-match': '"other"' })).status).toBe(412);
    } finally {
      await s.close();
    }
  });
});
