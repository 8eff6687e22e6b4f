/**
 * Tailwind through PostCSS. Its own optimising pass (Lightning CSS, on by default when NODE_ENV is
 * production) is off: Next's Turbopack runs Lightning CSS on the result anyway, and the two passes
 * together wrote some vendor prefixes three times (`-webkit-text-decoration` ×3), so that a build
 * under `NODE_ENV=production` differed from one under any other NODE_ENV (the publish test's) and
 * every page carried the extra bytes.
 */
export default {
  plugins: { '@tailwindcss/postcss': { optimize: false } },
};
