/** Where the page script lands: `public/<assetsDir>/<scriptPrefix><hash>.js`, served as `/<assetsDir>/…`. */
export const assetsDir = 'assets';
export const scriptPrefix = 'site.';
