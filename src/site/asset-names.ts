/**
 * The files of the bundle step (src/export/bundle-behaviour.ts) in `public/<assetsDir>/`, served as
 * `/<assetsDir>/…`: the page script `<scriptPrefix><hash>.js` (an ES module), the parts it imports
 * when a page needs them `<partPrefix><hash>.js`, and the print stylesheet `<printPrefix><hash>.css`.
 */
export const assetsDir = 'assets';
export const scriptPrefix = 'site.';
export const partPrefix = 'part.';
export const printPrefix = 'print.';
