/**
 * TMX 1.4b (Translation Memory eXchange) of one document, for translation-memory tools: one translation
 * unit per sentence alignment group (see ./alignment-groups.ts), a variant per language with its
 * `xml:lang`, and the paragraph and sentence IDs as properties. The header's properties name the
 * document, the edition the file holds (`x-edition`) and the date it was published (`x-edition-date`,
 * YYYY-MM-DD, when recorded): TMX 1.4b lets a header carry `prop`s of user-defined types, named `x-…`. Plain text segments: mentions and note
 * anchors are not marked up.
 */
import { x } from 'xastscript';
import { languages } from '../model/languages';
import type { ArchiveDocument } from '../model/types';
import { alignedBlocks, joinSentences } from './alignment-groups';
import { exportedEdition } from './edition';
import { block, xmlDocument } from './xml';

export interface TmxOptions {
  /** `creationtool` of the header: the name of the edition's software. */
  tool: string;
  /** `creationtoolversion`. */
  toolVersion: string;
}

/** Property types of each unit: user-defined (`x-`), as TMX asks. */
export const tmxProps = { paragraph: 'x-paragraph', sentences: 'x-sentences', kind: 'x-kind', document: 'x-document', edition: 'x-edition', editionDate: 'x-edition-date' } as const;

export function toTmx(document: ArchiveDocument, { tool, toolVersion }: TmxOptions): string {
  const edition = exportedEdition(document);
  const units = alignedBlocks(document).flatMap(({ id, blocks, groups }) =>
    groups.map((group) =>
      block('tu', { tuid: group.ids.join('+'), srclang: document.source }, 2, [
        x('prop', { type: tmxProps.paragraph }, id),
        x('prop', { type: tmxProps.sentences }, group.ids.join(' ')),
        x('prop', { type: tmxProps.kind }, blocks[document.source]?.kind ?? 'paragraph'),
        ...languages.flatMap((language) => {
          const sentences = group.sentences[language];
          if (!sentences?.length) return [];
          return [block('tuv', { 'xml:lang': language }, 3, [x('seg', joinSentences(language, sentences))])];
        }),
      ]),
    ),
  );
  const header = block(
    'header',
    {
      creationtool: tool,
      creationtoolversion: toolVersion,
      segtype: 'sentence',
      'o-tmf': tool,
      adminlang: 'en',
      srclang: document.source,
      datatype: 'plaintext',
    },
    1,
    [
      x('prop', { type: tmxProps.document }, document.slug),
      x('prop', { type: tmxProps.edition }, String(edition.number)),
      edition.date ? x('prop', { type: tmxProps.editionDate }, edition.date) : null,
    ],
  );
  return xmlDocument(block('tmx', { version: '1.4' }, 0, [header, block('body', {}, 1, units)]));
}
