/**
 * The names in the pages' markup that the page script (src/behaviour/) and its early scripts
 * (src/behaviour/early/) read or write, declared once for both sides: the server components write
 * them (src/site/), the script finds and sets them. They are TypeScript enums so that the bundler
 * writes each name where it is used, and no table of names reaches the browser; a selector is a
 * template literal (`` `[${Attribute.Rows}]` ``), which it folds into a string. The CSS names some
 * of them too (`[data-rows]`, `[data-cols-pending]`, …): a stylesheet cannot import them.
 */

/** The data attributes. */
export enum Attribute {
  // Every page.

  /** On each of the site's own scripts (the early scripts and the page script): the build keeps these and no other. */
  Site = 'data-site',
  /** Set on `<html>` to `started` once the page script has started every behaviour (src/behaviour/index.ts): tools driving the page wait for it. */
  Started = 'data-behaviours',
  /** On `<noscript>` in the head: the links of the stylesheets no first paint needs (later rules, print), which the page script adds to the page. */
  LaterStylesheets = 'data-later',
  /** On the header's language links: the page script takes the reader's place (fragment, column choice) along. */
  KeepPlace = 'data-keep-hash',
  /** Set on `<html>` by the 404 page's early script: the interface language it shows (the CSS shows that language's blocks). */
  Locale = 'data-locale',
  /** On the 404 page's early script: the page's title in each interface language, as JSON. */
  Titles = 'data-titles',

  // The reading page.

  /**
   * The page's default view (`en-ru-ja`: the columns as the server wrote them), on the early script
   * (it runs before the rows are parsed; the page script reads it there too).
   */
  DefaultView = 'data-default-view',
  /**
   * Set on `<html>` by the reading page's early script (src/behaviour/early/column-choice.ts) while the
   * rows wait, invisible, for the page script to apply a column choice.
   */
  ColumnsPending = 'data-cols-pending',
  /** The rows of the text; they carry the row tools' templates (templates.ts `RowTemplate`). */
  Rows = 'data-rows',
  /** On the rows: how many columns are shown (the CSS lays them out by it). */
  ColumnCount = 'data-count',
  /**
   * On the rows: the address of this view with `#`, before each row's ID in its printed permalink. The
   * print CSS reads it with `attr()` where the browser takes it in a custom property; the page script
   * puts this page's own address there through the CSSOM before printing (src/behaviour/print-address.ts).
   * A data attribute, not a `style`: the Content-Security-Policy allows no inline style.
   */
  PermalinkBase = 'data-permalink-base',
  /** On the rows: the address of the glossary's tooltips (`tips.json`). */
  Tips = 'data-tips',
  /** On the rows: the address of the interface strings only the page script uses (reader-strings.ts). */
  Strings = 'data-strings',
  /** A row of a block: its `id` is the block's ID (the attribute carries no value, to spare the page's bytes). */
  Row = 'data-pid',
  /** A cell, a chip of the column picker, a back-link of a note: the language of its column. */
  Column = 'data-col',
  /** A button of the reading-language switch: the language it puts first. */
  Read = 'data-read',
  /** The column picker. */
  ColumnPicker = 'data-column-picker',
  /** A move button of the column picker: `-1` (left) or `1` (right). */
  Move = 'data-move',
  /**
   * A sentence of a block: its IDs, space-separated. Written by the pipeline as the hast property
   * `dataSid` (src/pipeline/remark-sentences.ts), which cannot import this layer; in a row of the
   * reading page, without the row's block ID (`2` for `s1-p1.2`, src/site/rich-text.tsx).
   */
  Sentence = 'data-sid',
  /** A glossary mention: a link to its entry (the address names the entry). */
  Term = 'data-term',
  /** A note marker: a link to its note in the notes list, whose address names the note (`#n_<id>`). */
  NoteRef = 'data-note-ref',
  /** The copy-link button of a row (made by the page script). */
  Copy = 'data-copy',
  /** The cite button of a row (made by the page script). */
  CiteRow = 'data-cite-row',
  /** A cell shown under the first on a phone (made by the page script): the language's name, which the CSS shows above it. */
  Reveal = 'data-reveal',
  /** The "Cite" disclosure: the address of the document's citations (`cite.json`). */
  Cite = 'data-cite',
  /**
   * The "Cite" disclosure: the permanent address of the edition shown, as the citations and the copied
   * links give it (`editionPath`), which the script puts on this page's origin.
   */
  CiteAddress = 'data-cite-address',

  // The notice for an address that names no paragraph or entry of the page.

  /** The notice: its value is a selector of the page's targets (`[data-pid]`, `article[id]`). */
  BrokenLinkNotice = 'data-hash-notice',
  /** The notice's button that opens the table of contents. */
  OpenContents = 'data-open-contents',

  // The citation header of a printed reading page.

  PrintHeader = 'data-print-head',
  /** Where the header names the page's address. */
  PrintAddress = 'data-print-address',
  /** The printed header: the edition's number (and date). */
  PrintEdition = 'data-print-edition',
  /** The header's date of printing, hidden until the script fills it. */
  PrintDate = 'data-print-date',

  // The search page.

  /** The search page: the languages that have an index, space-separated; it carries the templates of templates.ts `SearchTemplate`. */
  Search = 'data-search',
  /** On the search page: the `cite.*` strings, as JSON, their values left open, to cite a result's block. */
  SearchCite = 'data-cite-templates',
  SearchStatus = 'data-search-status',
  SearchResults = 'data-search-results',
  SearchMore = 'data-search-more',
  /** On the search page: the order and the filters, hidden until the script shows them with a search. */
  SearchOptions = 'data-search-options',
  /** On each link of the order: the value of `sortParam` it sets (empty: relevance, no `sort`). */
  SearchSort = 'data-search-sort',
  /** The list of the filters the address narrows the search to, each a link without it (filled by the script). */
  SearchFilters = 'data-search-filters',
  /** On the search page: the names of the facets and of the document types, as JSON, to show the filters. */
  SearchNames = 'data-filter-names',
}

/** The ids the page script looks for. */
export enum ElementId {
  /** The hint that tells the keys of the text (shown while a row's number has the focus). */
  KeysHint = 'keys-hint',
  /** The table of contents (`details`). */
  Contents = 'toc',
}

/** `{ [name]: value }`: a data attribute as a server component spreads it on an element (`<div {...dataAttribute(Attribute.Rows)}>`). */
export function dataAttribute<N extends string>(name: N, value: string | number = ''): Record<N, string> {
  return { [name]: String(value) } as Record<N, string>;
}
