/**
 * Text in a legacy encoding (Shift_JIS, EUC-JP, Windows-1251, KOI8-R…), for testing how the importer
 * meets it. TextEncoder writes only UTF-8, so each character's bytes are found by decoding every one-
 * and two-byte sequence once.
 */
const tables = new Map<string, Map<string, number[]>>();

function tableOf(encoding: string): Map<string, number[]> {
  const known = tables.get(encoding);
  if (known) return known;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const learn = (bytes: number[]) => {
    try {
      const char = decoder.decode(Uint8Array.from(bytes));
      if ([...char].length === 1 && !table.has(char)) table.set(char, bytes);
    } catch {
      // not a character in this encoding
    }
  };
  for (let first = 0; first < 256; first++) learn([first]);
  for (let first = 0x80; first < 256; first++) for (let second = 0x40; second < 256; second++) learn([first, second]);
  tables.set(encoding, table);
  return table;
}

/** The bytes of `text` in `encoding`; throws for a character the encoding cannot write. */
export function encodeLegacy(text: string, encoding: string): Uint8Array {
  const table = tableOf(encoding);
  return Uint8Array.from(
    [...text].flatMap((char) => {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`${encoding} cannot write ${char}`);
      return bytes;
    }),
  );
}
