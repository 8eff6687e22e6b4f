/**
 * The generated documents of the scale part: a test archive written by the project's generator, the
 * one behind `npm run generate` (src/generate/): dates over thirty years, participants, places and
 * topics drawn from a larger generated glossary, lengths from a third to three times the first
 * document, some translations missing. The same seed every time, so runs compare.
 *
 * One document more than the set is generated and kept aside, outside content/, for the incremental
 * case of adding one: the glossary then already holds the entries it names, so that adding it changes
 * a document and nothing else, as adding a release to a real archive does.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { firstDocumentLength, writeArchive } from '../../src/generate/write';

/** The seed of every scale set. */
export const scaleSeed = 1;

/** What wrote the sets, for the report and the chart. */
export const generatorName = `npm run generate (seed ${scaleSeed})`;

/** Where, in the folder a set is written to, the document kept aside waits (outside content/). */
export const reserveFolder = '.scale-reserve';

export interface GeneratedSet {
  /** What generated the set. */
  generator: string;
  /** Slugs of the documents in content/documents/, sorted. */
  slugs: string[];
  /** The document kept aside: `folder` is to become content/documents/<slug>/. */
  reserve: { slug: string; folder: string };
}

/**
 * Writes `dest/content/` (the glossary and `count` generated documents, with the first real
 * document's length as the generator's base) and the document kept aside in `dest/.scale-reserve/`.
 */
export async function writeScaleContent(root: string, dest: string, count: number): Promise<GeneratedSet> {
  const staging = join(dest, '.scale-generated');
  const baseLength = firstDocumentLength(root);
  writeArchive(staging, { docs: count + 1, seed: scaleSeed, ...(baseLength === undefined ? {} : { baseLength }) });
  const documents = join(staging, 'content', 'documents');
  const all = (await readdir(documents)).sort();
  // The generator numbers documents in its slugs (`<date>-record-00042`): the last one is kept aside.
  const reserveSlug = all.find((slug) => Number(/-(\d+)$/.exec(slug)?.[1]) === count + 1);
  if (!reserveSlug) throw new Error(`the generator wrote no document number ${count + 1} in ${documents}`);
  const reserve = join(dest, reserveFolder, reserveSlug);
  await rm(join(dest, reserveFolder), { recursive: true, force: true });
  await mkdir(join(dest, reserveFolder), { recursive: true });
  await rename(join(documents, reserveSlug), reserve);
  await rm(join(dest, 'content'), { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  await rename(join(staging, 'content'), join(dest, 'content'));
  await rm(staging, { recursive: true, force: true });
  if (!existsSync(join(dest, 'content', 'glossary.yaml'))) throw new Error(`the generator wrote no glossary in ${dest}`);
  return { generator: generatorName, slugs: all.filter((slug) => slug !== reserveSlug), reserve: { slug: reserveSlug, folder: reserve } };
}
