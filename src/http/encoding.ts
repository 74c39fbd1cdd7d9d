// Content codings (RFC 9110 §8.4, §12.5.3): which coding a request accepts, and each body compressed once.
//
// A body is compressed the first time a client asks for that coding, on libuv's thread pool (zlib's async API). This
// module remembers nothing: the compressed body is kept beside its identity body in the Prepared representation
// (send.ts), and so counted in the same cache bound and evicted with it. Bodies below MIN_COMPRESS_BYTES are sent as
// they are, and so is any body that a coding would not make smaller.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import preferredEncodings from 'negotiator/lib/encoding.js';
import { owned } from '../store/cache.js';

export type Coding = 'br' | 'gzip' | 'identity';

/** Below this, a body goes out as it is: the saving is smaller than a round of headers. */
export const MIN_COMPRESS_BYTES = 1024;
/** Up to this size a body gets the strongest settings (it is compressed once); past it, faster ones. */
const BEST_UP_TO = 256 * 1024;

/** The server's preference when the client's q-values tie: br compresses text best. */
const PREFERENCE: Coding[] = ['br', 'gzip', 'identity'];
const MEMO_LIMIT = 256;
const MAX_MEMO_KEY = 512;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const choices = new Map<string, { compressed: Coding; small: Coding }>();

/**
 * The coding to send for `acceptEncoding`. No header means identity (what curl and most tools expect unless asked);
 * q-values, `*` and `identity;q=0` are honoured (negotiator's rules); a header that refuses every coding we have,
 * identity included, is disregarded (RFC 9110 §12.5.3 allows that instead of a 406) and gets identity. A body too
 * small to compress (`compressible` false) goes as identity unless the client refuses identity.
 */
export function chooseCoding(acceptEncoding: string | undefined, compressible: boolean): Coding {
  const key = acceptEncoding ?? '';
  let choice = choices.get(key);
  if (!choice) {
    const acceptable = (acceptEncoding === undefined ? [] : preferredEncodings(acceptEncoding, PREFERENCE, PREFERENCE)) as Coding[];
    const compressed = acceptable[0] ?? 'identity';
    const small = acceptable.length === 0 || acceptable.includes('identity') ? 'identity' : compressed;
    choice = { compressed, small };
    if (key.length <= MAX_MEMO_KEY) {
      if (choices.size >= MEMO_LIMIT) choices.clear();
      choices.set(key, choice);
    }
  }
  return compressible ? choice.compressed : choice.small;
}

/** True when a body of this size is worth compressing. */
export function compressible(body: Buffer): boolean {
  return body.length >= MIN_COMPRESS_BYTES;
}

function compress(body: Buffer, coding: Exclude<Coding, 'identity'>): Promise<Buffer> {
  const best = body.length <= BEST_UP_TO;
  if (coding === 'gzip') return gzipAsync(body, { level: best ? 9 : 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: best ? constants.BROTLI_MAX_QUALITY : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * `body` in `coding`, in a Buffer of its own (not a slice of a shared pool, so keeping it keeps only its bytes);
 * undefined when the coding would not make it smaller (send it as identity then). Identity is the body itself.
 * Each call compresses: the caller keeps the result (send.ts keeps it with the body, once per coding).
 */
export async function encode(body: Buffer, coding: Coding): Promise<Buffer | undefined> {
  if (coding === 'identity') return body;
  const out = await compress(body, coding);
  return out.length < body.length ? owned(out) : undefined;
}

/** The strong ETag of the body in `coding`: the identity tag with `-gzip` or `-br` inside the quotes. */
export function codedEtag(etag: string, coding: Coding): string {
  if (coding === 'identity') return etag;
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${coding}"` : etag;
}
