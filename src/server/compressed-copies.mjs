// @ts-check
/**
 * Compressed copies the server makes itself, for the files the build wrote none of: a document's
 * pages, its `cite.json` and its downloads (`/exports/…`), which the build leaves alone to keep each
 * added document within its budget of files (src/export/precompress.ts). Each copy is made once, on
 * the first request that accepts its encoding, and kept in memory for as long as its file is unchanged
 * (the least recently used go first past `maxBytes` or `maxEntries`); requests that arrive while it is
 * being made wait for the same copy. Brotli at its best (quality 11) up to `brotliBestUpTo`, as the
 * build's own copies: the reading page is sent to Chromium in about a fifth fewer bytes than gzip -9
 * (some 100 ms, once, for its 80 kB); quality 5 above, a few milliseconds where 11 would take
 * seconds. Gzip at level 9. A file that shrinks by less than a tenth gets no copy: it is sent as it
 * is, and the answer is remembered too.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import compressible from 'compressible';
import etag from 'etag';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encodings the server compresses in, in order of preference. */
export const onRequestEncodings = /** @type {const} */ (['br', 'gzip']);

/** @typedef {(typeof onRequestEncodings)[number]} OnRequestEncoding */

/** Smaller files fit one packet either way (as for the build's copies). */
export const minBytes = 1024;
/** Larger files are sent as they are: compressing them would hold too much in memory. */
export const maxFileBytes = 8 * 1024 * 1024;
/** A copy is kept only when it is at most this fraction of the file (as for the build's copies). */
export const maxRatio = 0.9;
/** Up to this size, Brotli at its best (11); above it, quality 5 (as for the build's copies). */
export const brotliBestUpTo = 256 * 1024;

/**
 * Whether a file of `type` and `size` is worth compressing on request: text of a known type (not
 * `application/octet-stream`, which names no type at all), from `minBytes` to `maxFileBytes`.
 * @param {string} type the Content-Type the file is sent with
 * @param {number} size
 */
export function compressibleOnRequest(type, size) {
  const essence = type.split(';')[0].trim().toLowerCase();
  return size >= minBytes && size <= maxFileBytes && essence !== 'application/octet-stream' && compressible(essence) === true;
}

/**
 * @param {Buffer} data
 * @param {OnRequestEncoding} encoding
 * @returns {Promise<Buffer>}
 */
function compress(data, encoding) {
  if (encoding === 'br') {
    return brotliAsync(data, {
      params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: data.length <= brotliBestUpTo ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return gzipAsync(data, { level: 9 });
}

/**
 * @typedef {object} Copy
 * @property {Buffer} body the compressed bytes
 * @property {string} etag the copy's own validator (a hash of its bytes), never the file's
 */

/**
 * @typedef {object} Entry
 * @property {number} mtimeMs of the file the copy was made from
 * @property {number} size of that file
 * @property {number} bytes held in memory
 * @property {Promise<Copy | undefined>} copy undefined: not worth it
 */

export class CompressedCopies {
  /**
   * @param {{ maxBytes?: number, maxEntries?: number }} [options]
   */
  constructor({ maxBytes = 32 * 1024 * 1024, maxEntries = 4000 } = {}) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
    this.bytes = 0;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
  }

  /**
   * The copy of the file at `path` in `encoding`, made from `read()` (its bytes, as `stats` describe
   * them) unless one of this version of the file is kept; undefined when compressing does not pay.
   * @param {string} path
   * @param {{ mtimeMs: number, size: number }} stats
   * @param {OnRequestEncoding} encoding
   * @param {() => Promise<Buffer>} read
   * @returns {Promise<Copy | undefined>}
   */
  get(path, stats, encoding, read) {
    const key = `${encoding}:${path}`;
    const kept = this.entries.get(key);
    this.#remove(key);
    if (kept && kept.mtimeMs === stats.mtimeMs && kept.size === stats.size) {
      // Most recently used last.
      this.entries.set(key, kept);
      this.bytes += kept.bytes;
      return kept.copy;
    }
    /** @type {Entry} */
    const entry = { mtimeMs: stats.mtimeMs, size: stats.size, bytes: 0, copy: this.#make(read, stats.size, encoding) };
    this.entries.set(key, entry);
    entry.copy.then(
      (copy) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = copy?.body.length ?? 0;
        this.bytes += entry.bytes;
        this.#evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.#remove(key);
      },
    );
    this.#evict();
    return entry.copy;
  }

  /**
   * @param {() => Promise<Buffer>} read
   * @param {number} size
   * @param {OnRequestEncoding} encoding
   * @returns {Promise<Copy | undefined>}
   */
  async #make(read, size, encoding) {
    const data = await read();
    // Changed since it was looked at: no copy of bytes that the stats do not describe.
    if (data.length !== size) return undefined;
    const body = await compress(data, encoding);
    return body.length <= data.length * maxRatio ? { body, etag: etag(body) } : undefined;
  }

  /** @param {string} key */
  #remove(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  #evict() {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      this.#remove(key);
    }
  }
}
