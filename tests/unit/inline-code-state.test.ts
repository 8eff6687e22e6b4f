/**
 * The security headers step reads only the pages its last run did not read: a page whose file is the
 * same (an unchanged page that an incremental build hard-links from the previous build) gives the
 * hashes and problems that run found. The result must be exactly what reading every page gives, and
 * a changed page must be read again.
 */
import { link, mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectInlineCode } from '../../src/export/security-headers';

/** The HTML pages read, by path: the test's proof that a page was or was not read. */
const pagesRead: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((path: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith('.html')) pagesRead.push(path);
    return (actual.readFile as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

const dirs: string[] = [];
afterEach(async () => {
  pagesRead.length = 0;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function temporary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inline-code-'));
  dirs.push(dir);
  return dir;
}

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Pages whose inline code a careless scan would get wrong; the parser's result is the reference. */
const trickyPages: Record<string, string> = {
  'index.html': '<!doctype html><html><head><script data-site="">document.documentElement.dataset.js = "1"</script><style>p{color:red}</style></head><body><p>Hi</p></body></html>',
  // A script inside a comment is no script; a comment inside a script is its text.
  'en/comments/index.html': '<html><body><!-- <script>alert("commented")</script> --><script>/* <!-- */ run(1) /* --> */</script></body></html>',
  // Data blocks are not run: no hash; a script with src has no inline text.
  'en/data/index.html': '<script type="application/json">{"a":"</scr" }</script><script type="application/ld+json">{"@type":"Thing"}</script><script type="text/plain">no</script><script src="/a.js"></script><script type="module">go()</script>',
  // What the policy would block: handlers, javascript: addresses (with spaces, any case).
  'en/blocked/index.html': '<button onclick="go()">x</button><a href="  JavaScript:void(0)">y</a><img src="a.png" onerror="z()" alt="">',
  // Text that looks like markup, in attributes and in the script itself; SVG's own style.
  'ja/lookalike/index.html': '<p title="<script>no()</script>">a</p><script>if (a < b && c > d) { w("</p>") }</script><svg><style>circle{fill:red}</style></svg>',
  // Not a page: never read.
  'en/data.json': '{"script":"<script>x()</script>"}',
};

describe('the inline code of the pages, kept between runs', () => {
  it('gives exactly what reading every page gives, first run and next', async () => {
    const out = await temporary();
    const state = join(await temporary(), 'inline-code.json');
    await write(out, trickyPages);
    const read = await collectInlineCode(out);
    expect(read.scripts).toHaveLength(4);
    expect(read.styles).toHaveLength(2);
    expect(read.problems).toEqual([
      'en/blocked/index.html: an inline event handler <button onclick="…">',
      'en/blocked/index.html: a javascript: address in <a href>',
      'en/blocked/index.html: an inline event handler <img onerror="…">',
    ]);
    pagesRead.length = 0;
    expect(await collectInlineCode(out, { path: state })).toEqual(read);
    expect(pagesRead).toHaveLength(5);
    pagesRead.length = 0;
    expect(await collectInlineCode(out, { path: state })).toEqual(read);
    expect(pagesRead).toEqual([]);
    // `--clean`: every page read.
    expect(await collectInlineCode(out, { path: state, fresh: true })).toEqual(read);
    expect(pagesRead).toHaveLength(5);
  });

  it('reads no page that an incremental build hard-linked from the previous build, and reads the new ones', async () => {
    const previous = await temporary();
    const state = join(await temporary(), 'inline-code.json');
    await write(previous, trickyPages);
    await collectInlineCode(previous, { path: state });
    // The next build: every page linked but one, rendered anew (a new file, the same text).
    const next = await temporary();
    for (const path of Object.keys(trickyPages)) {
      await mkdir(dirname(join(next, path)), { recursive: true });
      if (path !== 'en/blocked/index.html') await link(join(previous, path), join(next, path));
    }
    await write(next, { 'en/blocked/index.html': trickyPages['en/blocked/index.html'] });
    pagesRead.length = 0;
    const reused = await collectInlineCode(next, { path: state });
    expect(pagesRead).toEqual([join(next, 'en/blocked/index.html')]);
    pagesRead.length = 0;
    expect(reused).toEqual(await collectInlineCode(next));
  });

  it('reads a page again when it changed, even to the same size, or was replaced', async () => {
    const out = await temporary();
    const state = join(await temporary(), 'inline-code.json');
    await write(out, trickyPages);
    const before = await collectInlineCode(out, { path: state });
    // The same number of bytes, another script and a handler; its time set apart from the first write's.
    const page = join(out, 'index.html');
    const changed = trickyPages['index.html'].replace('dataset.js = "1"', 'dataset.js = "2"').replace('<p>Hi</p>', '<b onx=1>');
    expect(changed.length).toBe(trickyPages['index.html'].length);
    await writeFile(page, changed);
    await utimes(page, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    // Another page replaced by a rename, as a build writes a file: a new inode.
    await writeFile(join(out, 'swap.tmp'), '<style>q{}</style>');
    await rename(join(out, 'swap.tmp'), join(out, 'ja/lookalike/index.html'));
    const after = await collectInlineCode(out, { path: state });
    expect(after).toEqual(await collectInlineCode(out));
    expect(after.scripts).not.toEqual(before.scripts);
    expect(after.problems).toContain('index.html: an inline event handler <b onx="…">');
    expect(after.styles).toHaveLength(2);
    expect(await readFile(page, 'utf8')).toBe(changed);
  });

  it('ignores a state it cannot read, and replaces it', async () => {
    const out = await temporary();
    const state = join(await temporary(), 'inline-code.json');
    await write(out, trickyPages);
    await writeFile(state, '{"code": "from other code", "results": [], "files": {}');
    expect(await collectInlineCode(out, { path: state })).toEqual(await collectInlineCode(out));
    pagesRead.length = 0;
    await collectInlineCode(out, { path: state });
    expect(pagesRead).toEqual([]);
  });
});
