import { fileURLToPath } from 'node:url';

// An incremental build's render with the code compiled before (`next build
// --experimental-build-mode=generate`, src/export/build.ts) sets SITE_RENDER_ONLY=1: Next renders the
// pages into .next/ and exports nothing, and src/export/next-export.ts exports them (with this
// configuration, read without the variable). With output 'export' the generate mode would export
// every page of the previous build's manifest, tens of thousands at 1,000 documents, to be deleted.
const renderOnly = process.env.SITE_RENDER_ONLY === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The whole site is written to out/ at build time; any static host or CDN serves it.
  ...(renderOnly ? {} : { output: 'export' }),
  // `npm run build` exports into .out-next/ (src/export/build.ts), never into the served out/, and
  // moves that into a new build folder: with output 'export', a distDir other than .next names the
  // export's destination (Next's build files stay in .next). Unset, as under `next dev`: out/.
  ...(process.env.SITE_EXPORT_DIR && !renderOnly ? { distDir: process.env.SITE_EXPORT_DIR } : {}),
  // /en/glossary/ → out/en/glossary/index.html, which every static host serves without rewrites.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) },
  experimental: {
    // The root layout sits under [lang]: one 404 page for every unmatched address.
    globalNotFound: true,
    // Tailwind's output is small: inline it and save a render-blocking request.
    inlineCss: true,
    // Turbopack's file-system cache of the build (on by default in Next 16.4) is off: with it warm,
    // a build's CSS came out different from a cold build's (vendor prefixes repeated three times, as
    // if transformed again), so an incremental build was not the same bytes as a clean one and the
    // page carried the extra bytes. Every build compiles cold.
    turbopackFileSystemCacheForBuild: false,
  },
};

export default nextConfig;
