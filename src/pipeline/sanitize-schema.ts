/**
 * The explicit allow-list for the pipeline's HTML: the elements Markdown and our directives produce,
 * and only the attributes the reader needs. No `id` (the site sets row IDs itself), no event handlers,
 * no styles; links only to web and mail addresses.
 */
import type { Options } from 'rehype-sanitize';

const blockAttributes = ['dataPid'];

export const sanitizeSchema: Options = {
  tagNames: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'aside', 'span', 'a', 'em', 'strong', 'code', 'sup', 'sub', 'br', 'wbr'],
  attributes: {
    h1: blockAttributes,
    h2: blockAttributes,
    h3: blockAttributes,
    h4: blockAttributes,
    h5: blockAttributes,
    h6: blockAttributes,
    p: blockAttributes,
    span: ['dataTerm', 'dataNote', 'dataSid', 'dataUntranslated'],
    aside: ['dataNoteId', 'dataNoteKind', 'dataUntranslated'],
    a: ['href', 'title'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobber: [],
  strip: ['script', 'style'],
  required: {},
  ancestors: {},
};
