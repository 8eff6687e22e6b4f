/**
 * The scratch copy of the project that one scale build runs in: the checkout as git sees it, without
 * build output and without content/ (the generated set replaces it), node_modules hard-linked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BenchError } from '../errors';

/**
 * Top-level entries a scratch copy always leaves out: version control, node_modules (linked in apart),
 * the scratch folder itself and content/ (replaced by the generated set).
 */
export const excludedFromCopy: readonly string[] = ['.git', 'node_modules', '.scratch', 'content'];

/** Left out when git cannot say what is ignored (no git, not a checkout): the .gitignore of today. */
const fallbackIgnored: readonly string[] = ['.next', 'out', '.out-builds', '.content', 'next-env.d.ts', 'test-results', 'playwright-report', 'bench/results', 'screenshots', 'public/assets'];

/**
 * Paths (relative, `/`-separated, no trailing slash) that git ignores in the checkout: build output,
 * caches, results. What .gitignore says today, so that a new generated folder is left out too.
 */
export function ignoredPaths(root: string): string[] {
  const listed = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (listed.status !== 0 || typeof listed.stdout !== 'string') return [...fallbackIgnored];
  return listed.stdout
    .split('\0')
    .filter(Boolean)
    .map((path) => path.replace(/\/$/, ''));
}

/**
 * Copies the checkout to `dest` for one build: everything but `excludedFromCopy` and what git ignores
 * (`.next`, `out`, caches, bench/results…), so that whatever the build needs (configs, src/, public/,
 * scripts/, a new build step not committed yet) comes along. node_modules is hard-linked (`cp -al`: no
 * disk space, under a second) rather than symlinked, because Turbopack resolves nothing through a
 * symlink that leads out of `turbopack.root` ("Could not find the Next.js package").
 */
export async function copyProject(root: string, dest: string): Promise<void> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const ignored = new Set(ignoredPaths(root));
  const keep = (source: string) => !ignored.has(relative(root, source).split(sep).join('/'));
  for (const entry of await readdir(root)) {
    if (excludedFromCopy.includes(entry) || !keep(join(root, entry))) continue;
    await cp(join(root, entry), join(dest, entry), { recursive: true, filter: keep });
  }
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) throw new BenchError('node_modules is missing: run `npm ci` first');
  const linked = spawnSync('cp', ['-al', modules, join(dest, 'node_modules')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (linked.status !== 0) {
    // Another file system (hard links impossible): a real copy, slower but equivalent.
    await rm(join(dest, 'node_modules'), { recursive: true, force: true });
    const copied = spawnSync('cp', ['-a', modules, join(dest, 'node_modules')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (copied.status !== 0) throw new BenchError(`could not copy node_modules into ${dest}: ${(copied.stderr || linked.stderr).trim().split('\n')[0]}`);
  }
}
