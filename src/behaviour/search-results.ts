/**
 * The results of the search page (`Attribute.Search`): reads the query from the address, loads the index — Pagefind's
 * script of each language (`/pagefind/<lang>/pagefind.js`, imported only now: no other page and no
 * empty search loads it) — and shows the results: each one the paragraph with the words found
 * marked, its document, its place and language, linked to its row. The address follows the field as
 * the reader types, so a search can be reloaded and shared. Results are built with DOM calls; only
 * Pagefind's excerpt is parsed as HTML, and of it only text and `<mark>` kept.
 *
 * Loaded by src/behaviour/search.ts on the search page only (its own file of the bundle), so no
 * other page carries its code.
 */
import { isLanguage, languageNames, type Language } from '../model/languages';
import { isLocale } from '../i18n/config';
import { facets } from '../model/facets';
import { beginsWith, dateSort, indexedWords, searchBundlePath, sortParam, type SearchFilters } from '../search/format';
import { citeBlock, type CiteTranslate } from '../contract/block-place';
import { libraryPath, searchParam } from '../contract/paths';
import { Attribute, fill, fillTemplate, SearchTemplate } from '../contract/page';

/** What the site uses of Pagefind's browser API (`pagefind.js`). */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }): Promise<void>;
  search(term: string | null, options?: Options): Promise<{ results: PagefindResult[] } | null>;
}
/** A search's filters, and its order when it is not by relevance. */
interface Options {
  filters?: Filters;
  sort?: { date?: 'desc' };
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; excerpt: string; filters: Partial<SearchFilters> }>;
}
interface Found {
  result: PagefindResult;
  language: Language;
  /** A glossary entry's record. */
  entry: boolean;
}

type CountTemplate = SearchTemplate.CountOne | SearchTemplate.CountFew | SearchTemplate.CountMany | SearchTemplate.CountOther;

/** The template of a count in each plural category (`Intl.PluralRules`) the interface strings have; the others take `other`'s. */
const countTemplates: Partial<Record<Intl.LDMLPluralRule, CountTemplate>> = {
  one: SearchTemplate.CountOne,
  few: SearchTemplate.CountFew,
  many: SearchTemplate.CountMany,
  other: SearchTemplate.CountOther,
};

/** Results shown at once; the "more" button shows as many again. */
const pageSize = 20;
/** Words of the excerpt around the words found. */
const excerptLength = 40;
/** Typing pauses this long (ms) before the search runs. */
const typingPause = 200;

/**
 * A translation function for `citeBlock` from the search page's templates (`cite.*` strings with
 * `{section}`… left open), so that a result's place reads as the reading page cites it.
 */
export function templateTranslate(templates: Readonly<Record<string, string>>): CiteTranslate {
  return (key, values = {}) => fill(templates[key] ?? '', values);
}

/** Pagefind's excerpt as text and nodes: its text, and its `<mark>`s as marks of text; any other markup dropped. */
function excerptNodes(root: Document, html: string): Array<Node | string> {
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return node.textContent ?? '';
    const mark = root.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/**
 * Japanese words, separated by spaces, as Pagefind's index holds them. Pagefind segments a query
 * itself only on a page whose `<html lang>` is Japanese; the search page of every interface
 * language searches the Japanese index too.
 */
function japaneseWords(query: string): string {
  if (typeof Intl.Segmenter !== 'function') return query;
  const words = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(query)].filter((part) => part.isWordLike);
  return words.map((part) => part.segment).join(' ');
}

/** Stands for a note's anchor words in the template of its place, to be replaced by an element. */
const labelMark = '\uE000';

/** Japanese script. */
const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The words Pagefind marked in an excerpt. */
function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((match) => match[1]);
}

/**
 * The words of `query` that the index really holds. Where no indexed word begins with a searched word,
 * Pagefind falls back to a shorter prefix of it ("Iturup" finds "its"). A word is held when a quoted
 * search finds it (Pagefind's exact search: the word or a form of it by Pagefind's own stemmer, in a
 * text or in the names searched with it, but never a shorter prefix), or when its best result marks
 * a word that begins with it (a word being typed: "Влади"). `first` is the query's own results: for
 * one word, its best result.
 */
async function foundWords(pagefind: Pagefind, words: string[], first: PagefindResult[]): Promise<string[]> {
  const found: string[] = [];
  for (const word of words) {
    if (((await pagefind.search(`"${word}"`))?.results.length ?? 0) > 0) {
      found.push(word);
      continue;
    }
    const best = words.length === 1 ? first[0] : (await pagefind.search(word))?.results[0];
    if (!best) continue;
    const marked = markedWords((await best.data()).excerpt);
    // A Japanese word in the names searched with a Russian or English text: that index has no
    // Japanese segmenter, so its exact search cannot find the word, and its match marks nothing.
    if (marked.length === 0 ? japanese.test(word) : marked.some((mark) => beginsWith(mark, word))) found.push(word);
  }
  return found;
}

type Filters = Partial<Record<keyof SearchFilters, string>>;

/**
 * The facets the address narrows the search to (`?q=учения&year=2019&participant=kono-taro`, as a
 * facet page's search form sends them), as Pagefind filters: only the texts with every one of them.
 */
export function addressFilters(address: URL): Filters {
  return Object.fromEntries(facets.flatMap((facet) => (address.searchParams.get(facet) ? [[facet, address.searchParams.get(facet)]] : [])));
}

/**
 * Searches `query` in one language's index. A word the index does not hold is left out, as Pagefind
 * leaves out a word that matches nothing at all; when no word is found, nothing is.
 */
async function searchIndex(pagefind: Pagefind, query: string, options: Options): Promise<{ results: PagefindResult[]; query: string }> {
  const results = (await pagefind.search(query, options))?.results ?? [];
  if (results.length === 0) return { results, query };
  const words = query.split(' ').filter((word) => word !== '');
  const found = await foundWords(pagefind, words, results);
  if (found.length === words.length) return { results, query };
  if (found.length === 0) return { results: [], query };
  return { results: (await pagefind.search(found.join(' '), options))?.results ?? [], query: found.join(' ') };
}

/** The results of `query` in one language's index, each marked when it is a glossary entry's. */
async function searchLanguage(pagefind: Pagefind, language: Language, words: string, options: Options): Promise<Found[]> {
  const { results, query } = await searchIndex(pagefind, words, options);
  if (results.length === 0) return [];
  const entries = new Set(((await pagefind.search(query, { filters: { kind: 'entry' } }))?.results ?? []).map((result) => result.id));
  return results.map((result) => ({ result, language, entry: entries.has(result.id) }));
}

/** Runs the search page `page`, whose query field is `field`. */
export function startSearchResults(root: Document, page: Element, field: HTMLInputElement): void {
  const list = page.querySelector(`[${Attribute.SearchResults}]`);
  const status = page.querySelector(`[${Attribute.SearchStatus}]`);
  const more = page.querySelector<HTMLButtonElement>(`[${Attribute.SearchMore}]`);
  const options = page.querySelector<HTMLElement>(`[${Attribute.SearchOptions}]`);
  const shownFilters = page.querySelector(`[${Attribute.SearchFilters}]`);
  const locale = root.documentElement.lang;
  if (!list || !status || !more || !options || !shownFilters || !isLocale(locale)) return;
  const bundles = (page.getAttribute(Attribute.Search) ?? '').split(' ').filter(isLanguage);
  const translate = templateTranslate(JSON.parse(page.getAttribute(Attribute.SearchCite) ?? '{}') as Record<string, string>);
  const names = JSON.parse(page.getAttribute(Attribute.SearchNames) ?? '{}') as Record<string, string>;
  // The order and the filters stay what the address said when the page opened: their links open it anew.
  const address = new URL(location.href);
  const filters = addressFilters(address);
  const sort = address.searchParams.get(sortParam) === dateSort ? dateSort : '';

  let engines: Promise<Array<{ language: Language; pagefind: Pagefind }>> | undefined;
  const load = () =>
    (engines ??= Promise.all(
      bundles.map(async (language) => {
        const pagefind = (await import(`${searchBundlePath(language)}pagefind.js`)) as Pagefind;
        // Result addresses are relative to an interface language's root: this page's.
        await pagefind.options({ baseUrl: libraryPath(locale), excerptLength, excerptEllipsis: '…' });
        return { language, pagefind };
      }),
    ).catch((error: unknown) => {
      // The next search tries again (the connection may be back).
      engines = undefined;
      throw error;
    }));

  let generation = 0;
  /** The results in the order shown; by date, the texts are taken one by one from `lists` as they are shown. */
  let found: Found[] = [];
  /** By date: each language's text results not taken yet, newest first (Pagefind's sort). */
  let lists: Found[][] = [];
  let total = 0;
  let shown = 0;

  /** The name of glossary entry `id` in the reader's language (from its record in the index), or the ID. */
  const entryName = async (id: string) => {
    const loaded = await load();
    const { pagefind } = loaded.find((engine) => engine.language === locale) ?? loaded[0];
    return (await (await pagefind.search(null, { filters: { entry: id } }))?.results[0]?.data())?.filters.document?.[0] ?? id;
  };

  /** The address of this search (its words as typed so far) with `name` set to `value`, or left out without one. */
  const changed = (name: string, value = '') => {
    const query = new URLSearchParams(location.search);
    if (value) query.set(name, value);
    else query.delete(name);
    return `?${query}`;
  };

  /** Shows the order of the results and the filters, each a link to the same search in the other order or without it. */
  const showOptions = async () => {
    for (const link of options.querySelectorAll<HTMLAnchorElement>(`[${Attribute.SearchSort}]`)) {
      const value = link.getAttribute(Attribute.SearchSort) ?? '';
      link.href = changed(sortParam, value);
      link.ariaCurrent = `${value === sort}`;
    }
    shownFilters.replaceChildren(
      ...(await Promise.all(
        Object.entries(filters).map(async ([facet, value]) => {
          const link = root.createElement('a');
          link.href = changed(facet);
          const values = { facet: names[facet], value: facet === 'year' ? value : facet === 'type' ? names[value] : await entryName(value) };
          link.textContent = fillTemplate(page, SearchTemplate.Filter, values);
          link.ariaLabel = fillTemplate(page, SearchTemplate.RemoveFilter, values);
          return link;
        }),
      )),
    );
  };

  /** Where a result stands: a block's place, a note's anchor words (in the text's language), or the glossary. */
  const placeOf = (url: string, filters: Partial<SearchFilters>, language: Language): Array<Node | string> => {
    const name = languageNames[language][locale];
    const kind = filters.kind?.[0];
    if (kind === 'entry') return [fillTemplate(page, SearchTemplate.EntryPlace, { language: name })];
    if (kind === 'note') {
      const [before = '', after = ''] = fillTemplate(page, SearchTemplate.NotePlace, { language: name, label: labelMark }).split(labelMark);
      const label = root.createElement('span');
      label.lang = language;
      label.textContent = filters.label?.[0] ?? '';
      return [before, label, after];
    }
    return [fillTemplate(page, SearchTemplate.Place, { language: name, place: citeBlock(translate, new URL(url, location.href).hash.slice(1)) })];
  };

  const item = ({ url, excerpt, filters }: Awaited<ReturnType<PagefindResult['data']>>, language: Language, id: string) => {
    const entry = root.createElement('li');
    const link = root.createElement('a');
    link.href = url;
    const title = root.createElement('span');
    title.className = 'result-title';
    title.lang = language;
    title.textContent = filters.document?.[0] ?? '';
    const place = root.createElement('span');
    place.className = 'result-place';
    place.append(...placeOf(url, filters, language));
    const passage = root.createElement('p');
    passage.className = 'result-excerpt';
    passage.lang = language;
    passage.id = id;
    passage.append(...excerptNodes(root, excerpt));
    link.setAttribute('aria-describedby', id);
    link.append(place, title);
    entry.append(link, passage);
    return entry;
  };

  /** The items of the next page of results, or none when a newer search has taken over meanwhile. */
  const nextItems = async (current: number): Promise<HTMLElement[]> => {
    // By date, the newest of the languages' next results, until the page is full; their data is
    // asked for all at once first (Pagefind keeps it), not one by one.
    await Promise.all(lists.flatMap((each) => each.slice(0, pageSize)).map((each) => each.result.data()));
    while (current === generation && found.length < shown + pageSize) {
      let newest: Found[] | undefined;
      let date = '';
      for (const each of lists) {
        const head = each[0] && ((await each[0].result.data()).filters.date?.[0] ?? '');
        if (head !== undefined && head >= date) [newest, date] = [each, head];
      }
      if (!newest) break;
      found.push(newest.shift() as Found);
    }
    const next = found.slice(shown, shown + pageSize);
    const items = await Promise.all(next.map(async ({ result, language }, index) => item(await result.data(), language, `result-${current}-${shown + index}`)));
    if (current !== generation) return [];
    shown += next.length;
    more.hidden = shown >= total;
    return items;
  };

  /** Runs a search; the results shown stay until the new ones are there. */
  const search = async (query: string) => {
    const current = ++generation;
    const words = query.trim();
    options.hidden = !words;
    if (!words) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    // Only the first search waits for the index to load; later ones take a few milliseconds.
    if (!engines) status.textContent = page.getAttribute(SearchTemplate.Searching);
    try {
      const results = await Promise.all(
        (await load()).map(async ({ language, pagefind }) => {
          return searchLanguage(pagefind, language, language === 'ja' ? japaneseWords(indexedWords(words)) : indexedWords(words), { filters, sort: sort ? { date: 'desc' } : {} });
        }),
      );
      if (current !== generation) return;
      // The glossary's entries first (what the words name), each once, in the reader's language where
      // it has a record; then the texts, by score, or by date (newest first) when the address says so.
      const all = results.flat();
      const entries = all.filter((each) => each.entry).sort((a, b) => Number(b.language === locale) - Number(a.language === locale) || b.result.score - a.result.score);
      const addresses = await Promise.all(entries.map(async (each) => (await each.result.data()).url));
      const once = entries.filter((_, index) => addresses.indexOf(addresses[index]) === index);
      const texts = all.filter((each) => !each.entry);
      lists = sort ? results.map((each) => each.filter((result) => !result.entry)) : [];
      found = sort ? once : [...once, ...texts.sort((a, b) => b.result.score - a.result.score)];
      total = once.length + texts.length;
      shown = 0;
      const items = await nextItems(current);
      if (current !== generation) return;
      list.replaceChildren(...items);
      await showOptions();
      const values = { number: total, query: words };
      const template = countTemplates[new Intl.PluralRules(locale).select(total)] ?? SearchTemplate.CountOther;
      status.textContent = total === 0 ? fillTemplate(page, SearchTemplate.None, values) : fillTemplate(page, template, values) || fillTemplate(page, SearchTemplate.CountOther, values);
    } catch (error) {
      if (current !== generation) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = page.getAttribute(SearchTemplate.Failed);
      console.error(error);
    }
  };

  const remember = (query: string) => history.replaceState(history.state, '', changed(searchParam, query.trim() && query));

  let typing: ReturnType<typeof setTimeout> | undefined;
  field.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      remember(field.value);
      void search(field.value);
    }, typingPause);
  });
  field.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    remember(field.value);
    void search(field.value);
  });
  more.addEventListener('click', async () => {
    if (more.disabled) return;
    more.disabled = true;
    try {
      const items = await nextItems(generation);
      list.append(...items);
      // Keyboard readers go on where the new results begin.
      items[0]?.querySelector('a')?.focus();
    } finally {
      more.disabled = false;
    }
  });

  // What the reader typed before this script started wins over the address's query.
  const query = address.searchParams.get(searchParam) ?? '';
  const typed = field.value !== field.defaultValue && field.value.trim() !== '';
  if (typed) remember(field.value);
  else field.value = query;
  void search(field.value);
}
