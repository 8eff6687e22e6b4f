/**
 * The files of the bundle step (src/export/bundle-behaviour.ts) in `public/<assetsDir>/`, served as
 * `/<assetsDir>/…`: the page script `<scriptPrefix><hash>.js` (an ES module), the parts it imports
 * when a page needs them `<partPrefix><hash>.js`, the print stylesheet `<printPrefix><hash>.css`, and
 * the screen rules no first paint needs `<laterPrefix><hash>.css` (src/app/later.css).
 */
export const assetsDir = 'assets';
export const scriptPrefix = 'site.';
export const partPrefix = 'part.';
export const printPrefix = 'print.';
export const laterPrefix = 'later.';

/**
 * The early scripts, inline in the pages: each compiled by the bundle step from
 * `src/behaviour/early/<name>.ts` into one minified script, and written, by name, into
 * `earlyScriptsFile` (not published: the pages carry them).
 * - `loader`: every page's; imports the page script once the text has painted.
 * - `column-choice`: the reading page's; holds the rows back for a column choice.
 * - `root-redirect`: the root page's; goes to the library in the reader's language.
 * - `not-found-locale`: the 404 page's; shows it in the address's or the reader's language.
 */
export const earlyScriptNames = ['loader', 'column-choice', 'root-redirect', 'not-found-locale'] as const;
export type EarlyScriptName = (typeof earlyScriptNames)[number];

/** Where the bundle step writes the early scripts, relative to the project: a JSON object, name → code. */
export const earlyScriptsFile = ['.bundle', 'early-scripts.json'] as const;
