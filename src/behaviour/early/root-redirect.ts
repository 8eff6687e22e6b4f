/**
 * The root page's early script (src/app/(root)/page.tsx): goes to the library in the reader's
 * language (locale-choice.ts), keeping the fragment. Without JavaScript the page shows plain links.
 */
import { libraryPath } from '../../contract/paths';
import { chooseLocale } from './locale-choice';

location.replace(libraryPath(chooseLocale()) + location.hash);
