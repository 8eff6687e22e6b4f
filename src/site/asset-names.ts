/**
 * The files of the bundle step (src/export/bundle-behaviour.ts) in `public/<assetsDir>/`, served as
 * `/<assetsDir>/…`: the page script `<scriptPrefix><hash>.js` and the print stylesheet
 * `<printPrefix><hash>.css`.
 */
export const assetsDir = 'assets';
export const scriptPrefix = 'site.';
export const printPrefix = 'print.';
