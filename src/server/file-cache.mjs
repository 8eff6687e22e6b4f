// @ts-check
/**
 * What the server knows about the files of the site, kept for a second: whether a path is a file or
 * a folder, its size and modification time, and the bytes of small files. A request for a popular
 * page then costs no system call at all; after `ttl` the next request looks at the disk again, so a
 * rebuilt out/ is served within a second. Bounded in entries and bytes; the least recently used go
 * first.
 */
import { readFile, stat } from 'node:fs/promises';

/**
 * @typedef {object} CachedFile
 * @property {import('node:fs').Stats | undefined} stats undefined when nothing is there
 * @property {Buffer | undefined} body the bytes, for files up to `maxFileBytes`
 */

export class FileCache {
  /**
   * @param {{ ttl?: number, maxFileBytes?: number, maxBytes?: number, maxEntries?: number }} [options]
   */
  constructor({ ttl = 1000, maxFileBytes = 512 * 1024, maxBytes = 64 * 1024 * 1024, maxEntries = 10_000 } = {}) {
    this.ttl = ttl;
    this.maxFileBytes = maxFileBytes;
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
    this.bytes = 0;
    /** @type {Map<string, { checked: number, size: number, value: Promise<CachedFile> }>} */
    this.entries = new Map();
  }

  /**
   * The file at `path` (absolute), as known at most `ttl` ms ago.
   * @param {string} path
   * @returns {Promise<CachedFile>}
   */
  get(path) {
    const now = Date.now();
    const entry = this.entries.get(path);
    if (entry && now - entry.checked < this.ttl) {
      // Most recently used last: re-insert.
      this.entries.delete(path);
      this.entries.set(path, entry);
      return entry.value;
    }
    const previous = entry?.value;
    const fresh = { checked: now, size: 0, value: this.#load(path, previous) };
    this.#drop(path);
    this.entries.set(path, fresh);
    fresh.value.then(
      (file) => {
        if (this.entries.get(path) !== fresh) return;
        fresh.size = file.body?.length ?? 0;
        this.bytes += fresh.size;
        this.#trim();
      },
      () => this.#drop(path),
    );
    this.#trim();
    return fresh.value;
  }

  /**
   * @param {string} path
   * @param {Promise<CachedFile> | undefined} previous
   * @returns {Promise<CachedFile>}
   */
  async #load(path, previous) {
    const stats = await stat(path).catch(() => undefined);
    if (!stats?.isFile()) return { stats, body: undefined };
    const before = await previous?.catch(() => undefined);
    // Unchanged since last time: keep the bytes already read.
    if (before?.body && before.stats && before.stats.mtimeMs === stats.mtimeMs && before.stats.size === stats.size) return { stats, body: before.body };
    if (stats.size > this.maxFileBytes) return { stats, body: undefined };
    const body = await readFile(path);
    // Changed while being read: do not keep bytes that may not match the stats.
    return { stats, body: body.length === stats.size ? body : undefined };
  }

  /** @param {string} path */
  #drop(path) {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(path);
  }

  #trim() {
    for (const path of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.#drop(path);
    }
  }
}
