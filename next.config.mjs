import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The whole site is written to out/ at build time; any static host or CDN serves it.
  output: 'export',
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
  },
};

export default nextConfig;
