/**
 * The facets a source text's front matter names (participants, venue, issuedBy, organisations,
 * topics) must be glossary entries of the right kind: a participant is a person, a venue a place, a
 * topic a concept, an event or a system. An unknown ID is `term-unknown`; a known one of another kind
 * is `facet-kind`. Both are reported at the field's line.
 */
import type { VFile } from 'vfile';
import { facetField, facetKinds, facets } from '../model/facets';
import type { Language } from '../model/languages';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import { report } from './report';

/**
 * Checks the facets of the source text of `document`; returns the glossary IDs they name (they count
 * as mentions of their entries). `entries`: the glossary's entries that passed validation; `known`:
 * every ID of the glossary (undefined when it could not be read: nothing is checked then).
 */
export function checkFacets(document: ArchiveDocument, files: Partial<Record<Language, VFile>>, entries: ReadonlyMap<string, GlossaryItem>, known: ReadonlySet<string> | undefined): string[] {
  const text = document.texts[document.source];
  const file = files[document.source];
  if (!text || !file || text.frontMatter.role !== 'source') return [];
  const named: string[] = [];
  for (const facet of facets) {
    const kinds = facetKinds[facet];
    // Participants are checked against the glossary with the mentions (term-unknown); here only their kind.
    if (!kinds) continue;
    const field = facetField[facet];
    const value = text.frontMatter[field];
    for (const id of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      named.push(id);
      if (!known) continue;
      const place = text.frontMatterPlaces?.[field] ?? { line: 1, column: 1 };
      const entry = entries.get(id);
      if (!known.has(id)) {
        if (facet !== 'participant') report(file, 'error', `${field}: \`${id}\` is not in the glossary (content/glossary.yaml)`, place, 'term-unknown');
      } else if (entry && !kinds.includes(entry.kind)) {
        report(file, 'error', `${field}: \`${id}\` is a glossary entry of kind ${entry.kind}, not ${kinds.join(' or ')}`, place, 'facet-kind');
      }
    }
  }
  return named;
}
