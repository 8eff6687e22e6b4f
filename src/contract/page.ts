/**
 * The page–script contract: what a page's markup and its script agree on, imported by both the
 * server components (src/site/) and the page script (src/behaviour/, its early scripts included).
 * - attributes.ts: the data attributes and ids the script reads or writes;
 * - storage.ts: what the script remembers in the browser;
 * - events.ts: what the behaviours tell each other;
 * - templates.ts: the interface strings the server hands the script to fill in.
 * The addresses (paths.ts), the column choice (columns.ts), how a block is cited (block-place.ts)
 * and the JSON files the script fetches (cite-data.ts, glossary-tips.ts, reader-strings.ts) are beside it.
 */
export * from './attributes';
export * from './events';
export * from './storage';
export * from './templates';
