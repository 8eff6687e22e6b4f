/**
 * The citation styles of the reading page's cite dialog, registered with Citation.js: Chicago (17th
 * edition, full notes and bibliography, from npm) in English everywhere, and beside it the convention
 * of the interface language: SIST 02 on the Japanese pages, GOST R 7.0.5-2008 (numeric) on the
 * Russian ones. No npm package carries those two or their CSL locales, so they are vendored from the
 * CSL project, unchanged, in `csl/` (CC BY-SA 3.0: see csl/LICENSE.md and csl/PROVENANCE.md), and
 * adapted here, when loaded, for a single reference given on its own (see `adapt`). Build time only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import chicagoModule from '@citation/csl-style-chicago-fullnote-bibliography';
import type { Language } from '../model/languages';

/** The folder of the vendored CSL files, from the project's root (where the build and the tests run). */
export const cslFolder = join('src', 'citation', 'csl');

/** A citation style: Citation.js's name for it, its CSL locale, and the language its citations are written in. */
export interface CitationStyle {
  template: string;
  locale: string;
  language: Language;
}

export const citationStyles = {
  chicago: { template: 'chicago-fullnote-bibliography', locale: 'en-US', language: 'en' },
  sist02: { template: 'sist02', locale: 'ja-JP', language: 'ja' },
  gost: { template: 'gost-r-7-0-5-2008-numeric', locale: 'ru-RU', language: 'ru' },
} as const satisfies Record<string, CitationStyle>;
export type CitationStyleId = keyof typeof citationStyles;

/** The style of each language's own convention, beside Chicago (none for English: Chicago is it). */
export const localStyle: Record<Language, CitationStyleId | undefined> = { en: undefined, ja: 'sist02', ru: 'gost' };

const vendored = (file: string) => readFileSync(join(process.cwd(), cslFolder, file), 'utf8');

/** `text` with `from` replaced by `to`; fails the build if the vendored style no longer has `from`. */
function adapt(text: string, from: string, to: string, file: string): string {
  if (!text.includes(from)) throw new Error(`${join(cslFolder, file)}: the adaptation expects ${JSON.stringify(from)}; update src/citation/styles.ts with the style`);
  return text.replace(from, to);
}

/**
 * SIST 02, given one reference on its own: no list number "(1)"; and for a report (a press release),
 * the translator and the edition as SIST 02 writes them for a book ("本版編集部訳. 第2版, …"), which
 * the style leaves out for reports.
 */
export function sistStyle(text: string): string {
  const file = 'sist02.csl';
  let style = adapt(text, '<text variable="citation-number" prefix="(" suffix=")"/>', '', file);
  style = adapt(
    style,
    '<else-if type="report">\n          <group delimiter=". ">\n            <text macro="title"/>\n            <text variable="container-title"/>\n            <group delimiter=", ">\n',
    '<else-if type="report">\n          <group delimiter=". ">\n            <text macro="title"/>\n            <text macro="translator"/>\n            <text variable="container-title"/>\n            <group delimiter=", ">\n              <group prefix="第" suffix="版"><text variable="edition"/></group>\n',
    file,
  );
  return style;
}

/**
 * GOST R 7.0.5-2008 (numeric), given one reference on its own: no list number "1."; and the address
 * with its date of access ("URL: … (дата обращения: 07.12.2026)") for every item that has an address,
 * as GOST R 7.0.5 asks for any electronic resource, where the upstream style gives it for web pages only.
 */
export function gostStyle(text: string): string {
  const file = 'gost-r-7-0-5-2008-numeric.csl';
  let style = adapt(text, '<text variable="citation-number" suffix="."/>', '', file);
  style = adapt(style, '<if type="webpage post-weblog" match="any">\n        <choose>\n          <if variable="URL">', '<if variable="URL">\n        <choose>\n          <if variable="URL">', file);
  return style;
}

// The styles and the locales they need, registered with Citation.js when this module is loaded.
const csl = plugins.config.get('@csl');
// The package's CommonJS entry gives `{ default: info }` to ESM importers, its ESM entry `info` itself.
const chicago = ('content' in chicagoModule ? chicagoModule : (chicagoModule as unknown as { default: typeof chicagoModule }).default).content;
csl.styles.add(citationStyles.chicago.template, chicago);
csl.styles.add(citationStyles.sist02.template, sistStyle(vendored('sist02.csl')));
csl.styles.add(citationStyles.gost.template, gostStyle(vendored('gost-r-7-0-5-2008-numeric.csl')));
csl.locales.add('ja-JP', vendored('locales-ja-JP.xml'));
csl.locales.add('ru-RU', vendored('locales-ru-RU.xml'));
