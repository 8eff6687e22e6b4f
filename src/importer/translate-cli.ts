/**
 * `npm run translate -- SLUG --lang ru|ja|en [--title …] [--place …] [--issuer …] [--translator …]
 * [--method …] [--out PATH|-]`: see `./start-translation.ts`.
 */
import { runMain } from './command';
import { runTranslate } from './start-translation';

runMain('translate', runTranslate);
