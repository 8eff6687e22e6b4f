/**
 * The generated documents of the scale part: copies of one document of the checkout, each under its
 * own slug and with its number in the title, so that no two are identical. The glossary and the rest
 * of content/ come along unchanged.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isScalar, parseDocument, Scalar } from 'yaml';
import { BenchError } from '../errors';
import { preferredReaderPath, slugOf } from '../site';

/** Folders of content/ that belong to the real documents and are not copied with the glossary. */
const perDocumentContent: readonly string[] = ['documents', 'sources'];

/** The slug of generated document `number` of a set: `2019-05-30-scale-0001`. */
export function scaleSlug(datePrefix: string, number: number, width = 4): string {
  return `${datePrefix}-scale-${String(number).padStart(width, '0')}`;
}

/**
 * A copy of a document file with its number in the title: the front matter's `title` and the first
 * level-1 heading (before its `{#id}`) get ` · 0001`. Every other byte is left as it is.
 */
export function varyDocument(text: string, label: string): string {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  let head = frontMatter?.[0] ?? '';
  if (frontMatter) {
    const yamlStart = head.indexOf('\n') + 1;
    const title = parseDocument(frontMatter[1]).get('title', true);
    if (isScalar(title) && typeof title.value === 'string' && title.range) {
      const [start, end] = [yamlStart + title.range[0], yamlStart + title.range[1]];
      // A plain scalar stays plain with the number appended; a quoted or block one is written anew, quoted.
      const source = title.type === Scalar.PLAIN ? `${head.slice(start, end)} · ${label}` : JSON.stringify(`${title.value} · ${label}`);
      head = head.slice(0, start) + source + head.slice(end);
    }
  }
  const body = text.slice(frontMatter?.[0].length ?? 0);
  return head + body.replace(/^(# .*?)(\s*\{#[^}\s]+\})?[ \t]*$/m, (_, heading: string, id: string | undefined) => `${heading} · ${label}${id ?? ''}`);
}

export interface GeneratedSet {
  /** Slug of the document that was copied. */
  template: string;
  /** Slugs of the generated documents, in order. */
  slugs: string[];
}

/** The document the generated ones copy: the reader page's document, else the first folder. */
export async function templateSlug(root: string): Promise<string> {
  const documents = join(root, 'content', 'documents');
  const slugs = (await readdir(documents, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const preferred = slugOf(preferredReaderPath);
  if (preferred && slugs.includes(preferred)) return preferred;
  if (slugs.length === 0) throw new BenchError(`content/documents/ has no document to copy for the scale measurement`);
  return slugs[0];
}

/**
 * Writes `dest/content/`: the checkout's content/ without its documents (and their received sources),
 * and `count` copies of the template document with slugs `<date>-scale-0001`… and numbered titles.
 */
export async function writeScaleContent(root: string, dest: string, count: number): Promise<GeneratedSet> {
  const template = await templateSlug(root);
  const templateDir = join(root, 'content', 'documents', template);
  const names = (await readdir(templateDir)).filter((name) => name.endsWith('.md')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(templateDir, name), 'utf8')));
  const content = join(dest, 'content');
  await mkdir(join(content, 'documents'), { recursive: true });
  for (const entry of await readdir(join(root, 'content'))) {
    if (!perDocumentContent.includes(entry)) await cp(join(root, 'content', entry), join(content, entry), { recursive: true });
  }
  const datePrefix = /^\d{4}-\d{2}-\d{2}/.exec(template)?.[0] ?? 'generated';
  const width = Math.max(4, String(count).length);
  const slugs: string[] = [];
  for (let number = 1; number <= count; number++) {
    const slug = scaleSlug(datePrefix, number, width);
    const label = String(number).padStart(width, '0');
    const folder = join(content, 'documents', slug);
    await mkdir(folder);
    await Promise.all(names.map((name, index) => writeFile(join(folder, name), varyDocument(texts[index], label))));
    slugs.push(slug);
  }
  return { template, slugs };
}
