/**
 * Writes the JSON Schema of the JSON export to `public/schemas/`, where the site serves it. The file
 * is committed; a unit test fails when it and `documentExportSchema` disagree.
 *
 *   tsx src/exports/write-schema.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentJsonSchema, documentSchemaName } from './document-json';

export const schemaFolder = join('public', 'schemas');

/** The schema file's content: the schema, two-space indented, with a final newline. */
export const schemaFileText = () => `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = join(process.cwd(), schemaFolder);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, documentSchemaName), schemaFileText());
  process.stdout.write(`schema: ${join(schemaFolder, documentSchemaName)}\n`);
}
