/**
 * Exports and citations as a reader meets them: the download list of the reading page and the files
 * it links to (TMX, JSON, TEI, plain text) as `npm start` sends them (media type, attachment,
 * compression), no interface key in any page or file of the build, and the cite controls of the
 * document and of each row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { request as rawRequest } from '../helpers/server';
import { keyFinder } from '../helpers/interface-keys';
import { expect, test } from './fixtures';
import { currentEdition } from '../../src/model/document';
import { editionPath } from '../../src/contract/paths';
import { escape, pages, placeOf, sample } from './site';

const out = join(process.cwd(), 'out');

const schema = JSON.parse(readFileSync(join(process.cwd(), 'public', 'schemas', 'document.schema.json'), 'utf8'));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => ['tu', 'tuv', 'p', 'text'].includes(name) });

/** The download links of the reading page, by file name. */
async function downloads(page: Page): Promise<Map<string, string>> {
  const list = page.locator('details.doc-tool').filter({ has: page.getByText('Download', { exact: true }) });
  await list.getByText('Download', { exact: true }).click();
  const hrefs = await list.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return new Map(hrefs.map((href) => [href.slice(href.lastIndexOf('/') + 1), href]));
}

test.describe('downloads', () => {
  test('the reading page links every export file, and each answers 200', async ({ page, request }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const files = await downloads(page);
    expect([...files.keys()]).toEqual([`${slug}.tmx`, `${slug}.json`, `${slug}.tei.xml`, `${slug}.ru.txt`, `${slug}.ja.txt`, `${slug}.en.txt`]);
    await expect(page.getByRole('link', { name: 'Plain text, Japanese' })).toBeVisible();
    for (const href of files.values()) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
    }
    const text = await request.get(files.get(`${slug}.ja.txt`) ?? '');
    expect(text.headers()['content-type']).toBe('text/plain; charset=utf-8');
  });

  test('each file is sent with its media type, as an attachment, compressed for clients that accept gzip or Brotli', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const types: Array<[RegExp, string]> = [
      [/\.tmx$/, 'application/x-tmx+xml; charset=utf-8'],
      [/\.json$/, 'application/json; charset=utf-8'],
      [/\.tei\.xml$/, 'application/tei+xml; charset=utf-8'],
      [/\.txt$/, 'text/plain; charset=utf-8'],
    ];
    const port = Number(process.env.E2E_PORT);
    for (const [name, href] of await downloads(page)) {
      const onDisk = readFileSync(join(out, ...href.split('/').filter(Boolean)), 'utf8');
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
        [undefined, undefined],
      ] as const) {
        const what = `${name} (${accept ?? 'no Accept-Encoding'})`;
        const response = await rawRequest(port, href, { headers: accept ? { 'Accept-Encoding': accept } : {} });
        expect(response?.status, what).toBe(200);
        expect(response?.headers['content-type'], what).toBe(types.find(([ending]) => ending.test(name))?.[1]);
        expect(response?.headers['content-disposition'], what).toBe('attachment');
        expect(response?.headers.vary, what).toBe('Accept-Encoding');
        expect(response?.headers['content-encoding'], what).toBe(encoding);
        expect(response?.text, what).toBe(onDisk);
        if (encoding) expect(response?.raw.length, what).toBeLessThan(Buffer.byteLength(onDisk) * 0.9);
      }
    }
  });

  test('no page or file of the site carries an interface key where its string belongs', async () => {
    const find = keyFinder();
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
    const files = walk(out).filter((path) => /\.(?:html|txt|json|xml|tmx)$/.test(path));
    const found: string[] = [];
    for (const path of files) {
      let text = readFileSync(path, 'utf8');
      // What a reader meets: the text and attributes of a page, not its scripts' own names (a storage key).
      if (path.endsWith('.html')) text = text.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
      for (const key of find(text)) found.push(`${relative(out, path).split(sep).join('/')}: ${key}`);
    }
    expect(found).toEqual([]);
    // Every kind of file was read: pages and each kind of download.
    for (const ending of ['.html', '.tmx', '.json', '.tei.xml', '.txt']) expect(files.some((path) => path.endsWith(ending)), ending).toBe(true);
  });

  test('the TMX parses as XML, with the three languages and one unit per sentence group', async ({ page, request }) => {
    const { document, slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const tmx = await (await request.get((await downloads(page)).get(`${slug}.tmx`) ?? '')).text();
    expect(XMLValidator.validate(tmx)).toBe(true);
    const { tmx: root } = parser.parse(tmx);
    expect(root.header['@srclang']).toBe(document.source);
    const units = root.body.tu as Array<{ tuv: Array<{ '@xml:lang': string }> }>;
    // Every block's source sentences fall into groups; here (no join in any translation) one unit each.
    const sentences = document.texts[document.source]?.blocks.flatMap((block) => block.sentences) ?? [];
    expect(units.length).toBe(sentences.length);
    for (const unit of units) expect(unit.tuv.map((tuv) => tuv['@xml:lang'])).toEqual(['ru', 'ja', 'en']);
  });

  test('the JSON validates against its schema and holds the same texts as the rows of the page', async ({ page, request, baseURL }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const value = await (await request.get((await downloads(page)).get(`${slug}.json`) ?? '')).json();
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    // The schema is served where the export says (an absolute address with SITE_URL, else root-relative).
    expect((await request.get(new URL(value.$schema, baseURL).pathname)).status()).toBe(200);
    const cells = await page.locator('[data-pid] > [lang]').evaluateAll((nodes) =>
      // The block's own text: a cell may also hold the mark of a change ("Changed in edition 2").
      nodes.map((node) => ({ id: node.parentElement?.id ?? '', lang: node.getAttribute('lang') ?? '', text: node.querySelector('.block')?.textContent ?? '' })),
    );
    const byId = new Map<string, { text: Record<string, string> }>(value.blocks.map((block: { id: string; text: Record<string, string> }) => [block.id, block]));
    expect(cells.length).toBe(value.blocks.length * 3);
    for (const cell of cells) {
      // Note markers add their numbers to the page's text; everything else is the same.
      const shown = cell.text.replace(/\s+/g, ' ').trim().replace(/\d+/g, '');
      const exported = (byId.get(cell.id)?.text[cell.lang] ?? '').replace(/\s+/g, ' ').trim().replace(/\d+/g, '');
      expect(exported, `${cell.lang} ${cell.id}`).toBe(shown);
    }
  });

  test('the TEI parses, has an xml:id on every paragraph and heading, and a text per language', async ({ page, request }) => {
    const { document, slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const tei = await (await request.get((await downloads(page)).get(`${slug}.tei.xml`) ?? '')).text();
    expect(XMLValidator.validate(tei)).toBe(true);
    const { TEI } = parser.parse(tei);
    expect(TEI.text[0].group.text.map((text: Record<string, string>) => text['@xml:lang'])).toEqual(['ru', 'ja', 'en']);
    // The texts' paragraphs and headings (the header's revisionDesc has paragraphs of its own).
    const blocks = [...tei.slice(tei.indexOf('<group>')).matchAll(/<(p|head)(\s[^>]*)?>/g)];
    const count = ['ru', 'ja', 'en'].reduce((sum, language) => sum + (document.texts[language as 'ru']?.blocks.length ?? 0), 0);
    expect(blocks.length).toBe(count);
    expect(blocks.filter((match) => !/\bxml:id="/.test(match[2] ?? '')).map((match) => match[0])).toEqual([]);
  });
});

test.describe('the glossary as TBX', () => {
  test('the glossary page links both TBX files in every interface language; each is sent as TBX, an attachment, with every entry', async ({ page }) => {
    const { glossary } = await sample();
    const port = Number(process.env.E2E_PORT);
    const names = { en: 'TBX-Basic terminology (ISO 30042:2019)', ja: 'TBX-Basic 用語データ（ISO 30042:2019）', ru: 'Терминология TBX-Basic (ISO 30042:2019)' } as const;
    for (const locale of ['en', 'ja', 'ru'] as const) {
      await page.goto(pages.glossary(locale));
      const link = page.getByRole('link', { name: names[locale] });
      await expect(link).toHaveAttribute('href', '/exports/glossary.tbx');
      await expect(page.getByRole('link', { name: /ISO 30042:2008/ })).toHaveAttribute('href', '/exports/glossary-2008.tbx');
    }
    for (const [href, root, entry] of [
      ['/exports/glossary.tbx', 'tbx', 'conceptEntry'],
      ['/exports/glossary-2008.tbx', 'martif', 'termEntry'],
    ] as const) {
      const response = await rawRequest(port, href, { headers: {} });
      expect(response?.status, href).toBe(200);
      expect(response?.headers['content-type'], href).toBe('application/x-tbx+xml; charset=utf-8');
      expect(response?.headers['content-disposition'], href).toBe('attachment');
      expect(XMLValidator.validate(response?.text ?? ''), href).toBe(true);
      const entries = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === entry }).parse(response?.text ?? '')[root].text.body[entry];
      expect(entries, href).toHaveLength(glossary.length);
    }
  });
});

test.describe('citations', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the page cites the document in Chicago style without JavaScript too', async ({ browser, baseURL }) => {
    const { slug, source } = await sample();
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    await page.getByText('Cite', { exact: true }).click();
    const citation = page.locator('.cite-text');
    await expect(citation).toContainText(source.frontMatter.title ?? '');
    await expect(citation).toContainText('Russian original, official text');
    await expect(citation).toContainText(`/en/documents/${slug}/`);
    await context.close();
  });

  test('a row’s Cite button opens the dialog: its version, the paragraph’s permalink, formats, copy and Escape', async ({ page, baseURL }) => {
    const { slug, paragraph, document } = await sample();
    await page.goto(pages.reader('en', slug, 'ja-en'));
    const row = page.locator(`[id="${paragraph.id}"]`);
    const place = (await row.locator('.pilcrow').getAttribute('aria-label')) ?? '';
    const button = row.getByRole('button', { name: `Cite ${place}` });
    // The button shows when the reader points at the row.
    await row.hover();
    await button.click();
    const dialog = page.getByRole('dialog', { name: `Cite ${place}` });
    await expect(dialog).toBeVisible();
    // The first column shown is Japanese: the Japanese version is cited, as the edition's translation.
    await expect(dialog.getByRole('radio', { name: 'Japanese: unofficial translation made for this edition' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Japanese: unofficial translation made for this edition' })).toBeFocused();
    const output = dialog.getByRole('textbox', { name: 'Citation' });
    // The citation names the current edition and leads to its permanent address, at the paragraph.
    const { number } = currentEdition(document);
    const permalink = `${baseURL}${editionPath('en', slug, number)}#${paragraph.id}`;
    const ordinal = number === 1 ? '1st' : number === 2 ? '2nd' : number === 3 ? '3rd' : `${number}th`;
    await expect(output).toHaveValue(new RegExp(`Japanese version, unofficial translation made for this edition, press release, trans\\..*, ${ordinal} ed\\. .*, ${escape(placeOf('en', paragraph.id))}, ${permalink}\\.$`));

    // The reader may cite the Russian source instead, and in another format.
    await dialog.getByRole('radio', { name: 'Russian: official text' }).check();
    await expect(output).toHaveValue(/Russian original, official text/);
    await dialog.getByRole('radio', { name: 'BibTeX (biblatex)' }).check();
    await expect(output).toHaveValue(new RegExp(`^@report\\{${slug}-ru-ed${number}-${paragraph.id},[\\s\\S]*url = \\{${permalink}\\}`));
    await dialog.getByRole('radio', { name: 'CSL-JSON' }).check();
    const [item] = JSON.parse(await output.inputValue());
    // The date of access is the reader's day, not the stand-in of the build.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv').split('-'));
    expect(item).toMatchObject({ id: `${slug}-ru-ed${number}-${paragraph.id}`, URL: permalink, language: 'ru', edition: number, accessed: { 'date-parts': [today] } });
    // RIS, beside BibTeX, for reference managers: shown, and saved as a file of its media type.
    await dialog.getByRole('radio', { name: 'RIS' }).check();
    await expect(output).toHaveValue(new RegExp(`^TY  - RPRT\\r?\\n[\\s\\S]*\\nUR  - ${permalink}\\r?\\nY2  - ${today.join('/')}/\\r?\\nER  - `));
    const save = dialog.getByRole('link', { name: 'Save as file' });
    await expect(save).toHaveAttribute('download', `${slug}-ed${number}.ris`);
    expect(decodeURIComponent((await save.getAttribute('href')) ?? '')).toBe(`data:application/x-research-info-systems;charset=utf-8,${await output.inputValue()}`);

    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Citation copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await output.inputValue());

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('the document’s Cite disclosure opens the dialog for the whole document, in the interface language', async ({ page, baseURL }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('ja', slug));
    await page.getByText('引用', { exact: true }).click();
    await page.getByRole('button', { name: '他の言語版と形式' }).click();
    const dialog = page.getByRole('dialog', { name: 'この文書を引用' });
    // The version of the first column shown: Japanese, the Japanese page's default.
    await expect(dialog.getByRole('radio', { name: '日本語：本版のために作成した非公式翻訳' })).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: '引用情報' })).toHaveValue(new RegExp(`${baseURL}/ja/documents/${slug}/editions/\\d+/\\.$`));
    // Beside Chicago, the Japanese convention: SIST 02, in Japanese, with the reader's day of access.
    await dialog.getByRole('radio', { name: 'SIST 02（日本語）' }).check();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    await expect(dialog.getByRole('textbox', { name: '引用情報' })).toHaveValue(new RegExp(`^日本国外務省\\. 第4回.*第\\d+版, .*${baseURL}/ja/documents/${slug}/editions/\\d+/, \\(参照 ${today}\\)\\.$`));
    await expect(dialog.getByRole('textbox', { name: '引用情報' })).toHaveAttribute('lang', 'ja');
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await expect(dialog).toBeHidden();
  });
});
