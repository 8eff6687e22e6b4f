/** What the importer makes of the bytes it is given: text, or a message that says what the file is and what to do. */
import { describe, expect, it } from 'vitest';
import * as decode from '../../src/importer/decode';
import { decodeText } from '../../src/importer/decode';
import { encodeLegacy } from '../helpers/legacy-encoding';

describe('the decoding module', () => {
  it('exports these names', () => {
    expect(Object.keys(decode).sort()).toEqual(['decodeText']);
  });
});

describe('decoding the input', () => {
  const japanese = '第4回日露外務・防衛閣僚協議\n令和元年5月30日\n';
  const russian = 'Четвертый раунд консультаций\n(30 мая 2019 года, Токио)\n';

  it('reads UTF-8 and, when named, another encoding', () => {
    expect(decodeText(Buffer.from(japanese))).toEqual({ text: japanese });
    expect(decodeText(new Uint8Array(Buffer.from([0x82, 0xa0, 0x0a])), 'shift_jis')).toEqual({ text: 'あ\n' });
  });

  it.each([
    [Buffer.from('%PDF-1.7\n'), 1, 1, 'this is a PDF file, not plain text: save or copy its text into a UTF-8 .txt file'],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 1, 1, 'this is a ZIP archive (a .docx, .odt or .pages document?), not plain text: save or copy its text into a UTF-8 .txt file'],
    [Buffer.from([0xff, 0xfe, 0x41, 0x00]), 1, 1, 'the file is UTF-16 (it starts with a byte order mark): give --encoding utf-16le, or save it as UTF-8'],
    [Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43, 0x00]), 1, 1, 'the file looks like UTF-16 without a byte order mark: give --encoding utf-16le, or save it as UTF-8'],
    [Buffer.from([0x41, 0x00, 0x00, 0x7f, 0x41, 0x42, 0x43, 0x44]), 1, 1, 'the file holds a NUL byte (at offset 1): it is binary data, not plain text'],
    [Buffer.from('Title\n\nText \u0007 bell'), 3, 6, 'the text holds the control character U+0007: it is binary data, not plain text'],
    [Buffer.from(' \n\t\n'), 1, 1, 'the file is empty'],
  ])('explains a file that is not text: %#', (bytes, line, column, reason) => {
    expect(decodeText(bytes).problem).toMatchObject({ line, column, reason });
  });

  it('takes a Latin-1 text with a few accents for none of them', () => {
    const bytes = Buffer.from('Joint statement\nThe café meeting, déjà agreed, was held in Tokyo.\n', 'latin1');
    expect(decodeText(bytes).problem?.reason).toBe('the file is not UTF-8 (byte 0xe9 cannot be decoded); save it as UTF-8, or give its encoding with --encoding');
  });

  it('recognises Shift_JIS, EUC-JP, Windows-1251 and KOI8-R, and names the option that reads them', () => {
    const cases: Array<[string, string, string]> = [
      ['shift_jis', japanese, 'it looks like Shift_JIS: give --encoding shift_jis, or save it as UTF-8'],
      ['euc-jp', japanese, 'it looks like EUC-JP: give --encoding euc-jp, or save it as UTF-8'],
      ['windows-1251', russian, 'it looks like Windows-1251: give --encoding windows-1251, or save it as UTF-8'],
      ['koi8-r', russian, 'it looks like KOI8-R: give --encoding koi8-r, or save it as UTF-8'],
    ];
    for (const [encoding, text, advice] of cases) {
      const bytes = encodeLegacy(text, encoding);
      expect(decodeText(bytes).problem?.reason, encoding).toMatch(new RegExp(`^the file is not UTF-8 \\(byte 0x[0-9a-f]{2} cannot be decoded\\); ${advice.replace(/[()]/g, '\\$&')}$`));
      expect(decodeText(bytes, encoding), encoding).toEqual({ text });
    }
  });
});
