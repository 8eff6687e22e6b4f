/**
 * The interface keys of the site (`reader.notesHeading`), read from src/i18n/locales/*.json, and a
 * finder for them in text: a key printed where its string belongs means a string that i18next could
 * not find (a plural key called without a count, a key missing from a locale). The list is exactly
 * our keys, so ordinary dotted words (file names, addresses, `document.schema.json`) never match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const localesDir = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales');

/** i18next's plural suffixes: `notesHeading_one` is also printed as its base key `notesHeading`. */
const pluralSuffix = /_(?:zero|one|two|few|many|other)$/;

type Messages = { [key: string]: string | Messages };

function paths(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    // An object's own path too (`glossary.kinds`): i18next prints it when asked for a string there.
    return typeof value === 'string' ? [path] : [...(prefix ? [path] : []), ...paths(value, `${path}.`)];
  });
}

/** Every key of every locale, with and without its plural suffix, longest first. */
export function interfaceKeys(): string[] {
  const keys = new Set<string>();
  for (const name of readdirSync(localesDir).filter((file) => file.endsWith('.json'))) {
    for (const path of paths(JSON.parse(readFileSync(join(localesDir, name), 'utf8')) as Messages)) {
      keys.add(path);
      keys.add(path.replace(pluralSuffix, ''));
    }
  }
  return [...keys].filter((key) => key.includes('.')).sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A finder of whole keys where a string belongs: not part of a longer dotted name
 * (`x.reader.notesHeading`, `reader.notesHeading.y`) or word (`reader.notesHeadings`), and not the
 * name of a JSON property (`{"cite.title": "title"}`, in an attribute `{&quot;cite.title&quot;:…`):
 * such an object maps keys to their strings, as the search page's templates for the page script do.
 */
export function keyFinder(keys: readonly string[] = interfaceKeys()): (text: string) => string[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}_]|(?:"|&quot;)\\s*:)`, 'gu');
  return (text) => [...new Set(text.match(pattern) ?? [])];
}
