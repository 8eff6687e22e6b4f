/**
 * `npm run import -- FILE --slug SLUG --lang ru|ja|en --issuer "…" [--date YYYY-MM-DD] [--place PLACE]
 * [--encoding LABEL] [--url URL] [--out PATH|-] [--force]`: see `./run.ts`.
 */
import { runMain } from './command';
import { runImport } from './run';

runMain('import', runImport);
