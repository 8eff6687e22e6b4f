/**
 * The interface strings the server hands the page script as templates: a string in the interface
 * language with `{name}` placeholders left open (`Copy link to {place}`), which the script fills
 * (`Copy link to 1.1 ¶2`). Each template is named once, by the attribute that carries it (the enums
 * below, as attributes.ts explains), and described once in `templates`: the interface string it is
 * made of and its placeholders. The server writes them with `templateAttributes`, the script fills
 * them with `fillTemplate`, its values typed by the same description (which stays on the server: the
 * script needs only the names).
 */
import type { ParseKeys, TFunction } from 'i18next';

/** The templates of the reading page's rows (`Attribute.Rows`): the labels and messages of the row tools, the tooltips and the passage links. */
export enum RowTemplate {
  CopyLabel = 'data-copy-label',
  Copied = 'data-copied',
  CopyFailed = 'data-copy-failed',
  FragmentLabel = 'data-fragment-label',
  FragmentCopied = 'data-fragment-copied',
  CiteLabel = 'data-cite-label',
  CloseLabel = 'data-close-label',
  ToolsLabel = 'data-tools-label',
  RevealLabel = 'data-reveal-label',
}

/** The templates of the search page (`Attribute.Search`): what it says while it searches, of its results, and when it fails. */
export enum SearchTemplate {
  Searching = 'data-searching',
  None = 'data-none',
  Place = 'data-place',
  NotePlace = 'data-note-place',
  EntryPlace = 'data-entry-place',
  Failed = 'data-failed',
  CountOne = 'data-count-one',
  CountFew = 'data-count-few',
  CountMany = 'data-count-many',
  CountOther = 'data-count-other',
  Filter = 'data-filter',
  RemoveFilter = 'data-remove-filter',
}

export type Template = RowTemplate | SearchTemplate;

/** What a template leaves open for the script. */
export type Placeholder = 'place' | 'url' | 'query' | 'number' | 'language' | 'label' | 'id' | 'section' | 'subsection' | 'paragraph' | 'facet' | 'value';

/** Each template: the interface string (i18next key) it is made of, whose variables are its placeholders. */
export const templates = {
  [RowTemplate.CopyLabel]: { message: 'reader.copyLink', placeholders: ['place'] },
  [RowTemplate.Copied]: { message: 'reader.copied', placeholders: ['place'] },
  [RowTemplate.CopyFailed]: { message: 'reader.copyFailed', placeholders: ['url'] },
  [RowTemplate.FragmentLabel]: { message: 'reader.linkToPassage', placeholders: [] },
  [RowTemplate.FragmentCopied]: { message: 'reader.passageLinkCopied', placeholders: [] },
  [RowTemplate.CiteLabel]: { message: 'citation.paragraph', placeholders: ['place'] },
  [RowTemplate.CloseLabel]: { message: 'reader.closeTip', placeholders: [] },
  [RowTemplate.ToolsLabel]: { message: 'reader.rowTools', placeholders: ['place'] },
  [RowTemplate.RevealLabel]: { message: 'reader.revealLanguage', placeholders: [] },
  [SearchTemplate.Searching]: { message: 'search.searching', placeholders: [] },
  [SearchTemplate.None]: { message: 'search.none', placeholders: ['query'] },
  [SearchTemplate.Place]: { message: 'search.place', placeholders: ['language', 'place'] },
  [SearchTemplate.NotePlace]: { message: 'search.notePlace', placeholders: ['language', 'label'] },
  [SearchTemplate.EntryPlace]: { message: 'search.entryPlace', placeholders: ['language'] },
  [SearchTemplate.Failed]: { message: 'search.failed', placeholders: [] },
  // "3 results for “Lavrov”": one template per plural category.
  [SearchTemplate.CountOne]: { message: 'search.count.one', placeholders: ['number', 'query'] },
  [SearchTemplate.CountFew]: { message: 'search.count.few', placeholders: ['number', 'query'] },
  [SearchTemplate.CountMany]: { message: 'search.count.many', placeholders: ['number', 'query'] },
  [SearchTemplate.CountOther]: { message: 'search.count.other', placeholders: ['number', 'query'] },
  // A filter the address narrows the search to ("Year: 2019"), and its link's name.
  [SearchTemplate.Filter]: { message: 'search.filter', placeholders: ['facet', 'value'] },
  [SearchTemplate.RemoveFilter]: { message: 'search.removeFilter', placeholders: ['facet', 'value'] },
} as const satisfies Record<Template, { message: ParseKeys; placeholders: readonly Placeholder[] }>;

/** The placeholders of `T`. */
export type PlaceholdersOf<T extends Template> = (typeof templates)[T]['placeholders'][number];

/** How a placeholder stands in a template: `{place}`. */
export function placeholder(name: Placeholder): string {
  return `{${name}}`;
}

/** Values that leave each of `placeholders` open, for the server's `t()`: `{ place: '{place}' }`. */
export function openValues<P extends Placeholder>(placeholders: readonly P[]): Record<P, string> {
  return Object.fromEntries(placeholders.map((name) => [name, placeholder(name)])) as Record<P, string>;
}

/** `template` with each `{name}` of `values` filled in; a placeholder without a value is left as it is. */
export function fill(template: string, values: Partial<Record<Placeholder, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | number | undefined>)[name];
    return value === undefined ? whole : String(value);
  });
}

/** The attributes of `names` (an enum above) as the server writes them: each interface string, in `t`'s language, its placeholders open. */
export function templateAttributes(t: TFunction, names: Readonly<Record<string, Template>>): Record<string, string> {
  return Object.fromEntries(
    Object.values(names).map((name) => {
      const { message, placeholders } = templates[name];
      return [name, t(message, openValues(placeholders))];
    }),
  );
}

/** The template `template` that `element` carries, filled with `values` (empty when the element has none). */
export function fillTemplate<T extends Template>(element: Element, template: T, values: Record<PlaceholdersOf<T>, string | number>): string {
  return fill(element.getAttribute(template) ?? '', values);
}
