/**
 * Reports the invisible characters, bidirectional controls and mixed-script words of each text
 * (src/content/characters.ts), its front matter and attributes included.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { checkCharacters } from '../content/characters';

export const remarkCharacters: Plugin<[], Root> = function () {
  return (_tree, file) => {
    checkCharacters(file);
  };
};
