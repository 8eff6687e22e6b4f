/**
 * Reading content files as VFiles: UTF-8 is checked byte by byte and an empty file is reported, so that
 * the pipeline only ever sees text it can trust.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { report } from './report';

/** Line and column (1-based) of the character at `index` of `text`. */
export function pointIn(text: string, index: number): { line: number; column: number } {
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

/** The encoding named by a UTF-16 byte-order mark at the start of `bytes` (a WHATWG label), if there is one. */
export function utf16ByteOrderMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Japanese prose: kanji, kana (not the half-width kana that a wrong decoding yields), CJK and full-width punctuation. */
const japanese = /[\p{Script=Han}\u3041-\u309f\u30a0-\u30ff\u3000-\u303f\uff01-\uff5e]/u;
const russian = /[а-яёА-ЯЁ«»—–№]/u;
/** Russian prose is mostly lowercase: of two Cyrillic encodings, the wrong one yields mostly capitals. */
const lowercase = /[а-яё]/u;

/**
 * Legacy encodings of Japanese and Russian texts, the characters a text in each is made of, and those
 * that tell the right encoding of a family from the wrong one.
 */
const legacy: Array<[encoding: string, name: string, expected: RegExp, telling: RegExp]> = [
  ['shift_jis', 'Shift_JIS', japanese, japanese],
  ['euc-jp', 'EUC-JP', japanese, japanese],
  ['windows-1251', 'Windows-1251', russian, lowercase],
  ['koi8-r', 'KOI8-R', russian, lowercase],
];

/**
 * The legacy encoding that bytes which are not UTF-8 are most likely in: the one that decodes them
 * into a text whose characters beyond ASCII are nearly all of its language, and whose words holding
 * such characters are written in them alone (a Latin-1 text with a few accents, read as Windows-1251,
 * gives words like `cafй`). ASCII is left out of the count, so that the markup of a content file
 * does not hide the language of its text. Of two encodings that fit, the one with more telling
 * characters wins (lowercase Russian letters; the wrong Cyrillic encoding yields capitals). A sample
 * of the bytes is enough to tell; undefined when none fits.
 */
export function guessEncoding(bytes: Uint8Array): { encoding: string; name: string } | undefined {
  const sample = bytes.subarray(0, 64 * 1024);
  let best: { encoding: string; name: string; share: number; telling: number } | undefined;
  for (const [encoding, name, expected, tellingChars] of legacy) {
    let text: string;
    try {
      // `stream`: the sample may end inside a character.
      text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    } catch {
      continue;
    }
    const foreign = [...text].filter((char) => char.charCodeAt(0) > 0x7f);
    const share = foreign.length > 0 ? foreign.filter((char) => expected.test(char)).length / foreign.length : 0;
    const words = (text.match(/\p{L}+/gu) ?? []).filter((word) => /[^\x00-\x7f]/u.test(word));
    const mixed = words.filter((word) => /[A-Za-z]/u.test(word)).length;
    const telling = foreign.filter((char) => tellingChars.test(char)).length;
    const better = !best || share > best.share || (share === best.share && telling > best.telling);
    if (share >= 0.9 && mixed * 10 <= words.length && better) best = { encoding, name, share, telling };
  }
  return best && { encoding: best.encoding, name: best.name };
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
    const utf16 = utf16ByteOrderMark(bytes);
    const guess = guessEncoding(bytes);
    const byte = `byte 0x${bytes[invalid.byte].toString(16).padStart(2, '0')} at offset ${invalid.byte} cannot be decoded`;
    report(
      file,
      'error',
      utf16
        ? `the file is UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian), not UTF-8 (it starts with a UTF-16 byte-order mark); save the file as UTF-8`
        : `the file is not valid UTF-8: ${byte}${guess ? `; it looks like ${guess.name}` : ''}; save the file as UTF-8`,
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

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

/** The folder names under `content/documents`, sorted: one per document, whether or not a valid slug. */
export async function listDocumentSlugs(root: string): Promise<string[]> {
  const documentsDir = join(root, 'content', 'documents');
  if (!(await isDirectory(documentsDir))) return [];
  const slugs: string[] = [];
  for (const name of (await readdir(documentsDir)).sort()) {
    if (await isDirectory(join(documentsDir, name))) slugs.push(name);
  }
  return slugs;
}
