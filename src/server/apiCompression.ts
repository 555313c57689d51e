import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Below this a reply fits in a packet or two, and compressing it costs more than it saves. */
export const COMPRESS_FROM_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// Quality 4 compresses JSON to about a sixth in well under a millisecond per 100 KB; 11 (the default) is for build time.
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP = { level: 6 };

export type Encoding = 'br' | 'gzip';

/** The encoding to send, from the request's Accept-Encoding (a `q=0` refuses one); null for none. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return null;
}

/** Each encoding of a body that is sent again as the same bytes (a kept reply, see serializedJson.ts), made once. */
const encodedCopies = new WeakMap<Buffer, Map<Encoding, Promise<Buffer>>>();

/**
 * The compressed body, or null when the payload is not worth compressing or is not plain text already in memory.
 * A Buffer payload's compressed copy lives as long as the Buffer does.
 */
export async function compressPayload(payload: unknown, encoding: Encoding): Promise<Buffer | null> {
  if (Buffer.isBuffer(payload)) {
    if (payload.length < COMPRESS_FROM_BYTES) return null;
    let copies = encodedCopies.get(payload);
    if (!copies) encodedCopies.set(payload, (copies = new Map()));
    let copy = copies.get(encoding);
    if (!copy) {
      copy = compress(payload, encoding);
      copies.set(encoding, copy);
      // A failed compression is not kept: the next reply tries again.
      copy.catch(() => copies.delete(encoding));
    }
    return copy;
  }
  if (typeof payload !== 'string' || Buffer.byteLength(payload) < COMPRESS_FROM_BYTES) return null;
  return compress(Buffer.from(payload), encoding);
}

function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotli(bytes, BROTLI) : gzip(bytes, GZIP);
}
