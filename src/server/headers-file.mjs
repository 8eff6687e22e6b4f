// @ts-check
/**
 * Reads the `_headers` file the build writes into out/ (Netlify and Cloudflare Pages syntax:
 * an address pattern on a line of its own, then indented `Name: value` lines) and gives the headers
 * of an address, so that `npm start` sends what those hosts send. Patterns are exact addresses or
 * end in `*` (a prefix); every rule that matches applies, in file order.
 */

/** @typedef {{ pattern: string, headers: Array<[string, string]> }} HeaderRule */

/**
 * @param {string} text
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers:${index + 1}: expected "Name: value" under an address pattern`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * @param {string} pattern
 * @param {string} pathname
 */
const matches = (pattern, pathname) => (pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern);

/**
 * The headers of `pathname` (a decoded address: `/en/`), later rules over earlier ones.
 * @param {HeaderRule[]} rules
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersFor(rules, pathname) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) headers[name] = value;
  }
  return headers;
}
