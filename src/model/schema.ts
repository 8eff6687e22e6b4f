/**
 * Schemas of everything in `content/`: document front matter, the glossary and its entries.
 * One module, every field described, so that the validator, the site and the docs agree.
 */
import { z } from 'zod';
import { languages } from './languages';

/** A stable identifier readable in a URL: lowercase ASCII letters, digits and inner hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A block (heading or paragraph) ID: `title`, `dateline`, `intro-p1`, `s1`, `s1-2`, `s1-2-p3`.
 * Lowercase ASCII, hyphen-separated, starting with a letter, so it is a valid HTML id, CSS-safe and
 * readable in a URL fragment.
 */
export const blockIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const languageSchema = z.enum(languages).describe('A language of the edition: ru, ja or en.');

const nonEmpty = z.string().trim().min(1);

/** An http or https address; a problem with one is reported under its own rule, `provenance-url`. */
const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be a full http or https address, such as https://example.org/page' });

/** The front matter fields that are addresses: their problems are `provenance-url`, not `front-matter`. */
export const provenanceAddressFields = ['url', 'archive'] as const;

export const provenanceSchema = z
  .strictObject({
    issuer: nonEmpty.describe('The body that issued the original statement.'),
    official: z
      .boolean()
      .describe('true for a text published by the issuer; false for a translation made for this edition.'),
    translator: nonEmpty.optional().describe('Who translated this text (required when official is false).'),
    method: nonEmpty
      .optional()
      .describe('How the translation was made and checked (required when official is false).'),
    url: webAddress.optional().describe('Where the issuer published the text (the official publication), if known for certain.'),
    archive: webAddress
      .optional()
      .describe('An archived copy of that publication (a web archive’s snapshot), if one is known for certain.'),
  })
  .superRefine(
    (value, context) => {
      if (!value.official) {
        for (const key of ['translator', 'method'] as const) {
          if (!value[key]) {
            context.addIssue({
              code: 'custom',
              path: [key],
              message: `an unofficial text must say its ${key}`,
            });
          }
        }
      }
    },
    // Also when another field is wrong or missing (a translation just started), so that every missing
    // field is named at once.
    { when: ({ value }) => typeof value === 'object' && value !== null && (value as { official?: unknown }).official === false },
  )
  .describe('Where this text comes from.');

/** The states of a translated segment, as XLIFF 2 names them (docs/xliff.md). */
export const segmentStates = ['initial', 'translated', 'reviewed', 'final'] as const;
export type SegmentState = (typeof segmentStates)[number];

/** A segment ID: a block ID, a dot, the source sentence numbers it renders joined by `_` (`s1-2-p3.2`, `s1-2-p3.2_3`). */
export const segmentIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[1-9]\d*[a-z]?(?:_[1-9]\d*[a-z]?)*$/;

/** The kinds of document a reader can browse by (the front matter's `type`). */
export const documentTypes = ['press-release', 'statement', 'joint-statement', 'communique', 'speech', 'interview', 'agreement', 'minutes'] as const;
export type DocumentType = (typeof documentTypes)[number];

export const frontMatterSchema = z
  .strictObject({
    title: nonEmpty
      .optional()
      .describe('The title of the document in this language; a translation leaves it out until it is translated (the source’s title stands in, marked).'),
    summary: nonEmpty
      .optional()
      .describe('A summary of the document in this language, one to three sentences: what a reader gets of a version whose text is not (yet) translated.'),
    date: z.iso.date().describe('The date of the event or statement, YYYY-MM-DD.'),
    place: nonEmpty.describe('Where the event took place, in this language.'),
    lang: languageSchema.describe('The language of this file; must match the file name (ru.md → ru).'),
    role: z.enum(['source', 'translation']).describe('source: the original text; translation: our rendering of it.'),
    participants: z
      .array(z.string().regex(slugPattern))
      .optional()
      .describe('Glossary IDs of the persons taking part (source file only).'),
    type: z.enum(documentTypes).optional().describe('What kind of document it is: press-release, statement, joint-statement, communique, speech, interview, agreement or minutes (source file only).'),
    venue: z.string().regex(slugPattern).optional().describe('Glossary ID of the place named by `place` (source file only).'),
    issuedBy: z.string().regex(slugPattern).optional().describe('Glossary ID of the body that issued it, the one `provenance.issuer` names (source file only).'),
    organisations: z.array(z.string().regex(slugPattern)).optional().describe('Glossary IDs of the bodies taking part or concerned (source file only).'),
    topics: z.array(z.string().regex(slugPattern)).optional().describe('Glossary IDs of what it is about: concepts, events, systems (source file only).'),
    provenance: provenanceSchema,
    states: z
      .record(z.string().regex(segmentIdPattern, 'must be a segment ID such as s1-2-p3.2 or s1-2-p3.2_3'), z.enum(segmentStates))
      .optional()
      .describe('XLIFF segment states that differ from the default (translated for a line with text, initial for an `:untranslated` one), by segment ID; written by `npm run xliff -- import`.'),
  })
  .superRefine((value, context) => {
    if (value.role === 'source' && value.title === undefined) {
      context.addIssue({ code: 'custom', path: ['title'], message: 'a source text must have its title (only a translation may leave it out until it is translated)' });
    }
  })
  .describe('Front matter of a document file.');

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const localized = <T extends z.ZodType>(value: T) =>
  z.strictObject({ ru: value, ja: value, en: value });

export const glossaryKinds = ['person', 'office', 'place', 'organisation', 'system', 'event', 'concept'] as const;

export const glossaryEntrySchema = z
  .strictObject({
    kind: z.enum(glossaryKinds).describe('What the entry is.'),
    names: localized(nonEmpty).describe('The established name in each language.'),
    variants: z
      .strictObject({
        ru: z.array(nonEmpty).optional(),
        ja: z.array(nonEmpty).optional(),
        en: z.array(nonEmpty).optional(),
      })
      .optional()
      .describe('Other spellings, forms and abbreviations met in texts.'),
    description: localized(nonEmpty).describe('One to three neutral sentences in each language.'),
    wikidata: z
      .string()
      .regex(/^Q[1-9][0-9]*$/)
      .optional()
      .describe('Wikidata item ID, where one exists.'),
  })
  .describe('A glossary entry.');

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type GlossaryKind = (typeof glossaryKinds)[number];

/** A block ID as the editions file writes it. */
const blockId = z.string().regex(blockIdPattern, 'must be a block ID such as s1-2-p3');

/**
 * One change of one language version in an edition: which blocks, note bodies and glossary entries it
 * touched, what changed and why, written in the language of the version it concerns.
 */
export const editionChangeSchema = z
  .strictObject({
    blocks: z.array(blockId).optional().describe('Block IDs of this language version whose text changed.'),
    notes: z.array(z.string().regex(slugPattern)).optional().describe('Note IDs whose body changed in this language.'),
    entries: z.array(z.string().regex(slugPattern)).optional().describe('Glossary entries whose text in this language changed for this edition.'),
    what: nonEmpty.describe('What changed, in the language of the version.'),
    why: nonEmpty.describe('Why it changed, in the language of the version.'),
  })
  .describe('One change of one language version.');

/** What became of a block ID of the edition before that the new edition no longer has as it was. */
export const blockFateSchema = z
  .union([
    z.strictObject({ removed: nonEmpty.describe('Why the block was removed.') }),
    z.strictObject({ split: z.array(blockId).min(2).describe('The new blocks it was split into, in order.') }),
    z.strictObject({ merged: blockId.describe('The block it was merged into.') }),
  ])
  .describe('removed (with why), split into new blocks, or merged into another block.');

export const editionEntrySchema = z
  .strictObject({
    edition: z.number().int().positive().describe('The edition number: 1, 2, 3 … in order.'),
    date: z.iso.date().describe('The date the edition was published, YYYY-MM-DD.'),
    summary: localized(nonEmpty).optional().describe('What the edition is, one sentence in each language (required from edition 2).'),
    changes: z
      .strictObject({ ru: z.array(editionChangeSchema).optional(), ja: z.array(editionChangeSchema).optional(), en: z.array(editionChangeSchema).optional() })
      .optional()
      .describe('The changelog of each language version (from edition 2).'),
    fates: z
      .record(blockId, blockFateSchema)
      .optional()
      .describe('Block IDs of the edition before that this edition removed, split or merged.'),
  })
  .describe('One edition of a document.');

/** `editions.yaml` of a document folder: its editions, oldest first; the last is the current text. */
export const editionsFileSchema = z.array(editionEntrySchema).min(1).describe('The editions of a document, oldest first.');

export type EditionChangeEntry = z.infer<typeof editionChangeSchema>;
export type BlockFate = z.infer<typeof blockFateSchema>;
export type EditionEntry = z.infer<typeof editionEntrySchema>;
