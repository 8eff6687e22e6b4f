/**
 * Japanese typesetting as a reader sees it in a narrow column: a note marker never starts a line apart
 * from its word, no line starts with closing punctuation, and a name stays on the line of its title
 * (the pipeline's break rules, src/pipeline/rehype-budoux.ts, and the CSS that keeps to them).
 */
import { expect, test } from './fixtures';
import { pages, sample } from './site';

/** What breaks the rules in the shown Japanese cells at the current width, described. */
function faults(): string[] {
  const closing = /[、。，．・：；？！）」』】〕〉》]/;
  const title = /^[\u3400-\u9fff々]{0,4}?(?:大臣|外相|防衛相|国防相|総理|首相|長官|大将|司令官|大統領|大使|次官|幕僚長|議長)/;
  const found: string[] = [];
  const box = (node: Text, offset: number) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getClientRects()[0];
  };
  for (const block of document.querySelectorAll<HTMLElement>('[data-pid] > [lang="ja"]:not([hidden]) > .block')) {
    const half = parseFloat(getComputedStyle(block).lineHeight) / 2;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const characters: Array<{ node: Text; offset: number; rect: DOMRect }> = [];
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      for (let offset = 0; offset < node.data.length; offset++) {
        const rect = box(node, offset);
        if (rect) characters.push({ node, offset, rect });
      }
    }
    const text = (from: number, to: number) => characters.slice(Math.max(0, from), to).map(({ node, offset }) => node.data[offset]).join('');
    characters.forEach((character, index) => {
      const before = characters[index - 1];
      if (!before || character.rect.top - before.rect.top < half) return;
      // A new line starts at `character`.
      const place = `${text(index - 4, index)}|${text(index, index + 4)}`;
      if (closing.test(character.node.data[character.offset])) found.push(`closing punctuation starts a line: ${place}`);
      if (character.node.parentElement?.closest('.note-ref')) found.push(`a note marker starts a line: ${place}`);
      const mention = before.node.parentElement?.closest('a[data-term]');
      if (mention && !mention.contains(character.node) && title.test(text(index, index + 8))) found.push(`a name is parted from its title: ${place}`);
    });
  }
  return found;
}

test('Japanese in a narrow column: markers stay with their word, names with their titles, closing punctuation never starts a line', async ({ page }) => {
  // Sixty-seven layouts, each measured character by character: about 11 s alone, twice that beside
  // another worker on two cores.
  test.setTimeout(60_000);
  const { slug } = await sample();
  await page.goto(pages.reader('ja', slug, 'ja'));
  const found = new Set<string>();
  // Every width of a phone or a narrow window, a few pixels apart: each moves some line ends.
  for (let width = 320; width <= 720; width += 6) {
    await page.setViewportSize({ width, height: 900 });
    for (const fault of await page.evaluate(faults)) found.add(`${fault} (${width} px)`);
  }
  expect([...found]).toEqual([]);
  // The test looked at lines that break where they may: there are markers and mentions with titles in the text.
  await expect(page.locator('[data-pid] > [lang="ja"] .note-ref')).not.toHaveCount(0);
});
