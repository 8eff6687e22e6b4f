/** Where the `archive` browser tests' site is built (tests/archive/prepare.ts) and from what. */
import { join } from 'node:path';

/**
 * The generated archive: 45 documents make three pages of the library (20, 20, 5). Drawn from 12
 * entries of each kind (42 glossary entries in all, about 190 pages in each interface language: a
 * build of about a minute), their names recur, so that facet values and glossary entries have more
 * than one page of documents (for seed 1: the participant sato-makoto 34 documents, the entry
 * volkov-aleksey 44).
 */
export const archiveOptions = { docs: 45, seed: 1, entries: 12 } as const;

/** The scratch copy of the project the archive is built in. */
export const archiveRoot = join(import.meta.dirname, '..', '..', '.scratch', 'archive');

/** The built site (a link to the published build, as out/ is in the checkout). */
export const archiveSite = join(archiveRoot, 'out');
