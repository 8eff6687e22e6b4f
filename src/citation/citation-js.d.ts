/** The part of Citation.js (`@citation-js/*`, untyped) that src/citation/ uses. */
declare module '@citation-js/core' {
  export interface CitationEntry {
    id: string;
    locator?: string;
    label?: string;
  }
  export interface FormatOptions {
    template?: string;
    lang?: string;
    format?: 'text' | 'html' | 'string' | 'object';
    entry?: string | string[] | CitationEntry[];
  }
  export class Cite {
    constructor(data: unknown);
    /** RIS as objects, one per entry: tag → value (values of a repeated tag in an array). */
    format(format: 'ris', options: { format: 'object' }): Array<Record<string, string | number | Array<string | number>>>;
    format(format: 'bibliography' | 'citation' | 'bibtex' | 'biblatex' | 'ris' | 'data', options?: FormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: Register<string>; locales: Register<string> };
      get(name: '@bibtex'): { format: { asciiOnly: boolean; checkLabel: boolean; useIdAsLabel: boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
