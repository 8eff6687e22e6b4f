/**
 * The pipeline, in order: Markdown with front matter and directives → validated, annotated mdast →
 * sanitized hast → blocks and notes on `file.data`.
 */
import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeBudoux } from './rehype-budoux';
import { rehypeCollect } from './rehype-collect';
import { remarkCharacters } from './remark-characters';
import { remarkEscapes } from './remark-escapes';
import { remarkAnnotations } from './remark-annotations';
import { remarkBlockIds } from './remark-block-ids';
import { remarkFrontMatter } from './remark-front-matter';
import { remarkHouseStyle } from './remark-house-style';
import { remarkSafety } from './remark-safety';
import { remarkSentences } from './remark-sentences';
import { sanitizeSchema } from './sanitize-schema';

export { rehypeBudoux } from './rehype-budoux';
export { rehypeCollect, plainText } from './rehype-collect';
export { remarkCharacters } from './remark-characters';
export { remarkEscapes } from './remark-escapes';
export { remarkAnnotations } from './remark-annotations';
export { remarkBlockIds } from './remark-block-ids';
export { remarkFrontMatter } from './remark-front-matter';
export { remarkHouseStyle } from './remark-house-style';
export { remarkSafety, isSafeUrl } from './remark-safety';
export { remarkSentences, parseMarker, sentenceNumberPattern } from './remark-sentences';
export { sanitizeSchema } from './sanitize-schema';
export { pipelineRuleIds, type PipelineRuleId } from './report';

/**
 * The document pipeline. `process` a file: its value becomes the annotated HTML, and the blocks,
 * notes, references and front matter are on `file.data`; problems are messages on the file.
 */
export function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkDirective)
    .use(remarkEscapes)
    .use(remarkFrontMatter)
    .use(remarkSafety)
    .use(remarkCharacters)
    .use(remarkBlockIds)
    .use(remarkAnnotations)
    .use(remarkHouseStyle)
    .use(remarkSentences)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeBudoux)
    .use(rehypeCollect)
    .use(rehypeStringify);
}
