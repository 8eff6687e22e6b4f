/**
 * What a reader can browse the archive by: the facets of a document, read from its source text's
 * front matter (year, participants, place, bodies, issuer, type, topics), and the fixed-size pages
 * every list of documents is cut into. Pure: the library, the facet pages, the feeds and the search
 * records all take their values from here, so that they agree.
 */
import type { FrontMatter, GlossaryKind } from './schema';

export const facets = ['year', 'participant', 'place', 'organisation', 'issuer', 'type', 'topic'] as const;
export type Facet = (typeof facets)[number];

export function isFacet(name: string): name is Facet {
  return (facets as readonly string[]).includes(name);
}

/** The front matter field each facet reads. */
export const facetField = {
  year: 'date',
  participant: 'participants',
  place: 'venue',
  organisation: 'organisations',
  issuer: 'issuedBy',
  type: 'type',
  topic: 'topics',
} as const satisfies Record<Facet, keyof FrontMatter>;

/** The glossary kinds an entry named by a facet may have; year and type are not glossary entries. */
export const facetKinds: Partial<Record<Facet, readonly GlossaryKind[]>> = {
  participant: ['person'],
  place: ['place'],
  organisation: ['organisation'],
  issuer: ['organisation'],
  topic: ['concept', 'event', 'system'],
};

/** The values of every facet of a document, from its source text's front matter. */
export function facetValues(frontMatter: FrontMatter): Record<Facet, string[]> {
  const one = (value: string | undefined) => (value === undefined ? [] : [value]);
  return {
    year: [frontMatter.date.slice(0, 4)],
    participant: frontMatter.participants ?? [],
    place: one(frontMatter.venue),
    organisation: frontMatter.organisations ?? [],
    issuer: one(frontMatter.issuedBy),
    type: one(frontMatter.type),
    topic: frontMatter.topics ?? [],
  };
}

/** How many documents a page of a list holds: the library, a facet value, a glossary entry. */
export const pageSize = 20;

/** The number of pages of a list of `total` items: at least one (an empty list is one empty page). */
export function pageCount(total: number, size = pageSize): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Page `page` (1-based) of `items`. */
export function pageOf<T>(items: readonly T[], page: number, size = pageSize): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Newest first, by date, then by slug (the same order on every build). */
export function newestFirst<T extends { slug: string; date: string }>(a: T, b: T): number {
  return b.date.localeCompare(a.date) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * The page a list's optional `[[...page]]` route segment names: none is page 1, `page/<n>` page n from
 * 2 on; anything else (`page/1`, `page/02`, other words) is no page at all (undefined: a 404).
 */
export function pageFromSegments(segments: readonly string[] | undefined): number | undefined {
  if (segments === undefined || segments.length === 0) return 1;
  if (segments.length !== 2 || segments[0] !== 'page' || !/^[1-9][0-9]*$/.test(segments[1])) return undefined;
  const page = Number(segments[1]);
  return page >= 2 ? page : undefined;
}

/** The `[[...page]]` segments of page `page`: none for the first. */
export function pageSegments(page: number): string[] | undefined {
  return page > 1 ? ['page', String(page)] : undefined;
}
