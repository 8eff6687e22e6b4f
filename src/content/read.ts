/**
 * Reading content files as VFiles: UTF-8 is checked byte by byte and an empty file is reported, so that
 * the pipeline only ever sees text it can trust.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../pipeline/report';

/** The text of `bytes`, or the place of the first byte sequence that is not UTF-8. */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string; invalid?: undefined } | { text?: undefined; invalid: { line: number; column: number; byte: number } } {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let index = decoded.indexOf('\uFFFD');
  while (index !== -1) {
    const prefix = decoded.slice(0, index);
    const offset = Buffer.byteLength(prefix, 'utf8');
    // A genuine U+FFFD in the text is encoded as EF BF BD; anything else is a decoding failure.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      const lines = prefix.split(/\r\n|\r|\n/);
      return { invalid: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, byte: offset } };
    }
    index = decoded.indexOf('\uFFFD', index + 1);
  }
  return { text: decoded };
}

/**
 * Reads `path` (relative to `root`) into a VFile. Returns the file with `ok: false` when its bytes are
 * not UTF-8 or it holds no text; the problem is then a message on the file.
 */
export async function readContentFile(root: string, path: string): Promise<{ file: VFile; ok: boolean }> {
  const bytes = await readFile(join(root, path));
  const file = new VFile({ path, cwd: root });
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) {
    report(
      file,
      'error',
      `the file is not valid UTF-8: byte 0x${bytes[invalid.byte].toString(16).padStart(2, '0')} at offset ${invalid.byte} cannot be decoded; save the file as UTF-8`,
      { line: invalid.line, column: invalid.column },
      'encoding',
    );
    return { file, ok: false };
  }
  if (text.trim() === '') {
    report(file, 'error', 'the file is empty', { line: 1, column: 1 }, 'empty-file');
    return { file, ok: false };
  }
  file.value = text;
  return { file, ok: true };
}
