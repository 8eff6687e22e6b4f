// @ts-check
/**
 * Reads the `_headers` file the build writes into out/ (Netlify and Cloudflare Pages syntax:
 * an address pattern on a line of its own, then indented `Name: value` lines) and gives the headers
 * of an address, so that `npm start` sends what those hosts send. A pattern is an exact address, or
 * has a `*` that matches any characters, `/` included (`/assets/*`, `/exports/*.tmx`); every rule
 * that matches applies, in file order.
 */

/**
 * A rule: its pattern, the pattern's parts between `*`s (split once, when the file is read, not on
 * every request), and its headers.
 * @typedef {{ pattern: string, parts: string[], headers: Array<[string, string]> }} HeaderRule
 */

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
      const pattern = line.trim();
      rules.push({ pattern, parts: pattern.split('*'), headers: [] });
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
 * Whether `pathname` matches the rule's pattern: its parts between `*`s in order, the first at the
 * start and the last at the end.
 * @param {HeaderRule} rule
 * @param {string} pathname
 */
function matches({ pattern, parts }, pathname) {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (parts.length === 1) return pathname === pattern;
  if (!pathname.startsWith(first) || !pathname.endsWith(last) || pathname.length < first.length + last.length) return false;
  let position = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = pathname.indexOf(part, position);
    if (found < 0 || found + part.length > pathname.length - last.length) return false;
    position = found + part.length;
  }
  return true;
}

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
    if (!matches(rule, pathname)) continue;
    for (const [name, value] of rule.headers) headers[name] = value;
  }
  return headers;
}
