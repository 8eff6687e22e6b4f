/**
 * The export of a build that reused the compiled app: `next build --experimental-build-mode=generate`
 * renders the pages with the code a previous `next build` compiled (no compiling, no type check), but
 * in Next 16.4 its own export reads the prerender manifest before it has written it: it would copy
 * the previous build's pages, every one (tens of thousands at 1,000 documents), and none of the new.
 * The build renders with `SITE_RENDER_ONLY=1`, which leaves `output: 'export'` out of next.config.mjs,
 * so that Next exports nothing then. This step exports the pages: it calls Next's own export, the function
 * `next build` calls at its end for `output: 'export'` (`writeFullyStaticExport`), with the same
 * options, in a process of its own, which reads the manifest the render just wrote. The folder is
 * emptied first, so it holds this render's pages and nothing older.
 *
 * Next's export is not a public API: `next` is pinned to 16.4 in package.json, and
 * `npm run test:publish` (tests/publish/) holds a build made this way to a clean build, byte for byte.
 *
 *   tsx src/export/next-export.ts      (SITE_EXPORT_DIR names the folder, as for `next build`)
 */
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);

interface NextExportModule {
  default: (dir: string, options: Record<string, unknown>, span: unknown) => Promise<unknown>;
}

/** Exports the pages of the last `next build` of the project at `root` into `root/<folder>`. */
export async function exportRendered(root: string, folder: string): Promise<void> {
  const loadConfig = (require('next/dist/server/config') as { default: (phase: string, dir: string) => Promise<Record<string, unknown>> }).default;
  const { PHASE_PRODUCTION_BUILD } = require('next/dist/shared/lib/constants') as { PHASE_PRODUCTION_BUILD: string };
  const { trace } = require('next/dist/trace') as { trace: (name: string) => unknown };
  const exportApp = (require('next/dist/export') as NextExportModule).default;
  const nextConfig = await loadConfig(PHASE_PRODUCTION_BUILD, root);
  const outdir = join(root, folder);
  await rm(outdir, { recursive: true, force: true });
  await exportApp(
    root,
    { buildExport: false, nextConfig, enabledDirectories: { app: true, pages: false }, silent: true, outdir, numWorkers: 1, appDirOnly: true, bundler: 'turbopack' },
    trace('reader-export'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const folder = process.env.SITE_EXPORT_DIR;
  if (!folder) {
    process.stderr.write('next export: SITE_EXPORT_DIR must name the folder to export into (npm run build sets it)\n');
    process.exit(2);
  }
  const started = performance.now();
  exportRendered(root, folder).then(
    () => process.stdout.write(`next export: the rendered pages → ${relative(root, join(root, folder))}/, ${((performance.now() - started) / 1000).toFixed(1)} s\n`),
    (error: unknown) => {
      process.stderr.write(`next export: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
