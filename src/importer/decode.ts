/**
 * Reading the bytes a user hands the importer: UTF-8 by default, or the encoding they name. A file
 * that is not text (a PDF, a Word document, binary data), in another encoding than expected, or empty
 * gets a message that says what it looks like and what to do, with the place of the first bad byte.
 */
import { decodeUtf8, guessEncoding, pointIn, utf16ByteOrderMark } from '../content/read';

export interface DecodeProblem {
  reason: string;
  line: number;
  column: number;
  ruleId: 'encoding' | 'empty-file';
}

export type Decoded = { text: string; problem?: undefined } | { text?: undefined; problem: DecodeProblem };

/** Formats that people save releases in, by their first bytes, and what to do instead. */
const containers: Array<[bytes: number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF file'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a .docx, .odt or .pages document?)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'a Word 97–2003 (.doc) document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** Decodes the bytes of a plain-text file; `encoding` is a WHATWG label (`utf-8`, `shift_jis`, `windows-1251`…). */
export function decodeText(bytes: Uint8Array, encoding = 'utf-8'): Decoded {
  const problem = (reason: string, place = { line: 1, column: 1 }, ruleId: DecodeProblem['ruleId'] = 'encoding'): Decoded => ({
    problem: { reason, ...place, ruleId },
  });
  for (const [prefix, what] of containers) {
    if (startsWith(bytes, prefix)) return problem(`this is ${what}, not plain text: save or copy its text into a UTF-8 .txt file`);
  }
  const utf16 = utf16ByteOrderMark(bytes);
  let text: string;
  if (encoding.toLowerCase().replace(/[-_]/gu, '') !== 'utf8') {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return problem(`the file is not valid ${encoding}: check the encoding it was saved in`);
    }
  } else if (utf16) {
    return problem(`the file is UTF-16 (it starts with a byte order mark): give --encoding ${utf16}, or save it as UTF-8`);
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const evenNuls = bytes.filter((byte, index) => byte === 0 && index % 2 === 1).length;
      const utf16le = evenNuls > bytes.length / 4;
      return problem(
        utf16le
          ? 'the file looks like UTF-16 without a byte order mark: give --encoding utf-16le, or save it as UTF-8'
          : `the file holds a NUL byte (at offset ${nul}): it is binary data, not plain text`,
      );
    }
    const decoded = decodeUtf8(bytes);
    if (decoded.invalid) {
      const { line, column, byte } = decoded.invalid;
      const guess = guessEncoding(bytes);
      const advice = guess
        ? `it looks like ${guess.name}: give --encoding ${guess.encoding}, or save it as UTF-8`
        : 'save it as UTF-8, or give its encoding with --encoding';
      return problem(`the file is not UTF-8 (byte 0x${bytes[byte].toString(16).padStart(2, '0')} cannot be decoded); ${advice}`, { line, column });
    }
    text = decoded.text;
  }
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/u.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return problem(`the text holds the control character U+${code}: it is binary data, not plain text`, pointIn(text, control.index));
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') return problem('the file is empty', { line: 1, column: 1 }, 'empty-file');
  return { text };
}
