/**
 * Reading content files as VFiles: UTF-8 is checked byte by byte and an empty file is reported, so that
 * the pipeline only ever sees text it can trust.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../pipeline/report';

/** Line and column (1-based) of the character at `index` of `text`. */
function pointIn(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The text of `bytes`, or the place of the first byte sequence that is not UTF-8. A leading byte-order mark is dropped. */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string; invalid?: undefined } | { text?: undefined; invalid: { line: number; column: number; byte: number } } {
  // The byte-order mark is kept while decoding, so that offsets in the text and in the bytes agree.
  const decoded = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const bom = decoded.startsWith('\uFEFF') ? 1 : 0;
  let index = decoded.indexOf('\uFFFD');
  let checked = 0;
  let offset = 0;
  while (index !== -1) {
    offset += Buffer.byteLength(decoded.slice(checked, index), 'utf8');
    checked = index;
    // A genuine U+FFFD in the text is encoded as EF BF BD; anything else is a decoding failure.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return { invalid: { ...pointIn(decoded.slice(bom), index - bom), byte: offset } };
    }
    index = decoded.indexOf('\uFFFD', index + 1);
  }
  return { text: decoded.slice(bom) };
}

/** How many matches of `pattern` (global) `text` holds. */
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The encoding that bytes which are not UTF-8 are most likely in, when a guess is cheap: a UTF-16
 * byte-order mark; Shift_JIS when the bytes decode as Shift_JIS with hiragana among the characters that
 * are not ASCII (Japanese writes its particles in hiragana); Windows-1251 when most of those decode to
 * Russian letters. Undefined when none fits.
 */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  // A sample is enough to tell.
  const sample = bytes.subarray(0, 64 * 1024);
  const nonAscii = (text: string) => count(text, /[^\u0000-\u007f]/g);
  try {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(sample, { stream: true });
    if (count(text, /[\u3041-\u309f]/g) * 5 > nonAscii(text)) return 'Shift_JIS';
  } catch {
    // Not Shift_JIS.
  }
  const text = new TextDecoder('windows-1251').decode(sample);
  if (count(text, /[\u0410-\u044f\u0401\u0451]/g) * 3 > nonAscii(text) * 2) return 'Windows-1251';
  return undefined;
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
    const guess = guessEncoding(bytes);
    const utf16 = guess?.startsWith('UTF-16');
    const byte = `byte 0x${bytes[invalid.byte].toString(16).padStart(2, '0')} at offset ${invalid.byte} cannot be decoded`;
    report(
      file,
      'error',
      utf16
        ? `the file is ${guess}, not UTF-8 (it starts with a UTF-16 byte-order mark); save the file as UTF-8`
        : `the file is not valid UTF-8: ${byte}${guess ? `; it looks like ${guess}` : ''}; save the file as UTF-8`,
      utf16 ? { line: 1, column: 1 } : { line: invalid.line, column: invalid.column },
      'encoding',
    );
    return { file, ok: false };
  }
  // NUL is valid UTF-8 but never text: UTF-16 without a byte-order mark, or a file that is not text.
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    report(
      file,
      'error',
      'the file holds a NUL character (U+0000): it looks like UTF-16 without a byte-order mark, or it is not a text file; save it as UTF-8 text',
      pointIn(text, nul),
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
