/**
 * `npm run import -- FILE (--slug SLUG | --translation-of SLUG) --lang ru|ja|en --issuer "…" [options]`
 * (`--help` lists them): see `./run.ts`.
 */
import { runMain } from './command';
import { runImport } from './run';

runMain('import', runImport);
